package io.invoke4j.app.cli;

import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.util.List;
import java.util.Locale;

/** Finds a form input by index or by label, as people type them on the command line. */
final class Inputs {
  private Inputs() {}

  /**
   * The input {@code key} names: a whole number is an index, anything else a label (ignoring case).
   *
   * @throws CliException (usage) naming {@code where} for no such input or a label several inputs share
   */
  static WorkflowInput find(WorkflowDefinition workflow, String key, String where) {
    List<WorkflowInput> inputs = workflow.inputs();
    if (key.matches("\\d+")) {
      int index = Integer.parseInt(key);
      if (index < inputs.size()) {
        return workflow.input(index);
      }
      throw new CliException(CliException.USAGE, where + ": workflow \"" + workflow.name() + "\" has no input " + index
          + " (it has " + inputs.size() + "; see 'invoke4j inputs')");
    }
    List<WorkflowInput> matches = inputs.stream()
        .filter(i -> i.label().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new CliException(CliException.USAGE, where + ": workflow \"" + workflow.name() + "\" has no input labelled \""
          + key + "\" (labels: " + String.join(", ", inputs.stream().map(WorkflowInput::label).toList()) + ")");
    }
    throw new CliException(CliException.USAGE, where + ": " + matches.size() + " inputs are labelled \"" + key
        + "\" (indexes " + matches.stream().map(i -> String.valueOf(i.index())).toList() + "); use the index");
  }
}
