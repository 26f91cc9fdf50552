package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A problem with a workflow's values found before anything is sent, e.g. a required input left
 * empty.
 *
 * @param inputIndex the form input the problem is on; empty when the field is not a form input
 * @param label the input's label, or the field name when it is not a form input
 * @param nodeId the node holding the field
 * @param nodeName the node's label, else its type
 * @param fieldName the field
 * @param message what is wrong
 */
public record InputProblem(Optional<Integer> inputIndex, String label, String nodeId, String nodeName,
    String fieldName, String message) {

  /** Checks the parts. */
  public InputProblem {
    requireNonNull(inputIndex, "inputIndex == null");
    requireNonNull(label, "label == null");
    requireNonNull(nodeId, "nodeId == null");
    requireNonNull(nodeName, "nodeName == null");
    requireNonNull(fieldName, "fieldName == null");
    requireNonNull(message, "message == null");
  }

  /** One line: {@code input 0 "Source image" (node "Source image" #abc, field image): ...}. */
  public String describe() {
    String where = "node \"" + nodeName + "\" #" + nodeId + ", field " + fieldName;
    return inputIndex.map(i -> "input " + i + " \"" + label + "\" (" + where + ")").orElse(where)
        + ": " + message;
  }
}
