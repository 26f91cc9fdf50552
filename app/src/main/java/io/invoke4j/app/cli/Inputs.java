package io.invoke4j.app.cli;

import io.invoke4j.domain.queue.MissingInput;
import io.invoke4j.domain.queue.MissingInputs;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Finds a form input by index or by label, as people type them on the command line. */
final class Inputs {
  private Inputs() {}

  /** One {@code --set KEY=VALUE}: the input KEY names and the value as typed (parsed later for its type). */
  record Assignment(WorkflowInput input, String value) {}

  /**
   * Resolves one {@code --set INDEX=VALUE} or {@code --set LABEL=VALUE} (the value may itself contain
   * '='), as {@code run}, {@code sweep} and {@code payload} accept it.
   *
   * @throws CliException (usage) for a pair without '=' or a key naming no single input
   */
  static Assignment parseSet(WorkflowDefinition workflow, String set) {
    int eq = set.indexOf('=');
    if (eq <= 0) {
      throw new CliException(CliException.USAGE, "--set " + set + ": expected INDEX=VALUE or LABEL=VALUE, e.g. --set 2=512");
    }
    return new Assignment(find(workflow, set.substring(0, eq).trim(), "--set " + set), set.substring(eq + 1));
  }

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

  /**
   * Required inputs of {@code workflow} with neither a value nor a connection, each as the
   * {@code --set INDEX ("LABEL")} that would fill it (or the node's field when the form lacks it),
   * except the form inputs {@code covered} by other means (an upload, a {@code --vary}).
   */
  static List<String> missing(WorkflowDefinition workflow, Set<Integer> covered) {
    List<String> missing = new ArrayList<>();
    for (MissingInput m : MissingInputs.find(workflow)) {
      Optional<WorkflowInput> input = workflow.inputs().stream()
          .filter(i -> i.nodeId().equals(m.nodeId()) && i.fieldName().equals(m.fieldName())).findFirst();
      if (input.isPresent() && covered.contains(input.get().index())) {
        continue;
      }
      missing.add(input.map(i -> "--set " + i.index() + " (\"" + i.label() + "\")")
          .orElse("field " + m.fieldName() + " of node \"" + m.nodeName() + "\" (not in the form: edit the workflow)"));
    }
    return missing;
  }

  /** The one line naming {@link #missing} inputs. */
  static String missingMessage(List<String> missing) {
    return "required inputs are empty: " + String.join(", ", missing);
  }
}
