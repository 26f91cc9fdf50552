package io.invoke4j.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code invoke4j run FILE [--set INDEX=VALUE]... [run options]}: one request, every output saved. */
@Command(name = "run", sortOptions = false,
    description = {"Run a workflow exported from the InvokeAI GUI and save every output image to --out.",
        "Exit 0 when every item completed, 2 bad input, 3 server refused or unreachable, 4 an item failed."})
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The workflow JSON, or DIR/NAME for a workflow named NAME in DIR.")
  Path file;

  @Mixin ServerOptions server;

  @Mixin RunOptions options;

  @Override
  public Integer call() {
    return new WorkflowRun(spec, server, options, file, List.of(), false).execute();
  }
}
