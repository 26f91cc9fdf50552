package io.invoke4j.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code invoke4j sweep FILE --vary INDEX=v1,v2 [--vary INDEX=@values.txt]... [--zip] [run options]}:
 * every combination in ONE enqueue request, one progress bar, outputs saved as items complete.
 */
@Command(name = "sweep", sortOptions = false,
    description = {"Run a workflow over several values of its inputs as ONE batch (every combination,"
        + " or paired with --zip) and save every output image to --out.",
        "Exit codes as for run."})
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The workflow JSON, or DIR/NAME for a workflow named NAME in DIR.")
  Path file;

  @Option(names = "--vary", paramLabel = "INDEX=V1,V2", required = true,
      description = "Values of input INDEX (or LABEL); @FILE reads one value per line. Repeatable.")
  List<String> varies;

  @Option(names = "--zip", description = "Pair the --vary lists (same length) instead of every combination.")
  boolean zip;

  @Mixin ServerOptions server;

  @Mixin RunOptions options;

  @Override
  public Integer call() {
    return new WorkflowRun(spec, server, options, file, parse(varies), zip).execute();
  }

  static List<WorkflowRun.Vary> parse(List<String> varies) {
    List<WorkflowRun.Vary> parsed = new ArrayList<>();
    for (String vary : varies) {
      int eq = vary.indexOf('=');
      if (eq <= 0 || eq == vary.length() - 1) {
        throw new CliException(CliException.USAGE, "--vary " + vary + ": expected INDEX=V1,V2,... or INDEX=@FILE");
      }
      String input = vary.substring(0, eq).trim();
      String values = vary.substring(eq + 1);
      List<String> list = new ArrayList<>();
      if (values.startsWith("@")) {
        Path file = Path.of(values.substring(1));
        try {
          Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .forEach(list::add);
        } catch (IOException e) {
          throw new CliException(CliException.USAGE, "--vary " + vary + ": cannot read " + file, e);
        }
        if (list.isEmpty()) {
          throw new CliException(CliException.USAGE, "--vary " + vary + ": " + file + " has no values");
        }
      } else {
        for (String value : values.split(",", -1)) {
          list.add(value.strip());
        }
      }
      parsed.add(new WorkflowRun.Vary(input, list));
    }
    return parsed;
  }
}
