package io.invoke4j.app.cli;

import io.invoke4j.app.usecase.WorkflowRequests;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code invoke4j payload FILE [--set INDEX=VALUE|LABEL=VALUE]... [--runs N] [--auto-board ID]}: the enqueue
 * request body the GUI would send, printed, not sent. Required inputs left empty (which the GUI would
 * flag before invoking) are reported as warnings on stderr; the body is still printed.
 */
@Command(
    name = "payload",
    description = {"Print the enqueue request the GUI would send for the workflow (nothing is sent).",
        "Offline unless --url is given: then values are typed and checked by the server's node templates."})
final class PayloadCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A workflow JSON exported from the InvokeAI GUI.")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "INDEX=VALUE",
      description = "Set form input INDEX (or its LABEL, see 'inputs'); VALUE is parsed for the input's type "
          + "(JSON for structured values). Repeatable.")
  List<String> sets = List.of();

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1", description = "Runs of the batch (default 1).")
  int runs;

  @Option(
      names = "--auto-board",
      paramLabel = "BOARD_ID",
      description = "Board for inputs set to 'auto' (default: omitted, the image is uncategorized).")
  String autoBoard;

  @Mixin ServerOptions server;

  @Override
  public void run() {
    WorkflowDefinition workflow = ServerTyping.load(file, server);
    Map<Integer, String> values = resolve(workflow, sets);
    EnqueueRequest request = WorkflowRequests.prepare(workflow, values, runs, Optional.ofNullable(autoBoard));
    PrintWriter out = spec.commandLine().getOut();
    out.println(Json.pretty(request.toJson()));
    out.flush();
    // the GUI would not enqueue this; the server accepts it and fails the run (or rejects a model)
    List<String> missing = Inputs.missing(workflow, values.keySet());
    if (!missing.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("invoke4j: warning: " + Inputs.missingMessage(missing));
      err.flush();
    }
  }

  /** The {@code --set} values by input index; a later pair for an input wins. */
  private static Map<Integer, String> resolve(WorkflowDefinition workflow, List<String> sets) {
    Map<Integer, String> values = new LinkedHashMap<>();
    for (String set : sets) {
      Inputs.Assignment assignment = Inputs.parseSet(workflow, set);
      values.put(assignment.input().index(), assignment.value());
    }
    return values;
  }
}
