package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An output node of a workflow, known before it runs: a node that is not intermediate and either
 * has a {@code board} field or feeds no other node.
 *
 * @param nodeId the node id
 * @param nodeType the node's invocation type, e.g. {@code save_image}
 * @param nodeName the node's label, else its type
 * @param boardInputIndex the form input index of the node's {@code board} field; empty when that
 *     field is not a form input
 */
public record WorkflowOutput(String nodeId, String nodeType, String nodeName, Optional<Integer> boardInputIndex) {
  /** Checks the parts. */
  public WorkflowOutput {
    requireNonNull(nodeId, "nodeId == null");
    requireNonNull(nodeType, "nodeType == null");
    requireNonNull(nodeName, "nodeName == null");
    requireNonNull(boardInputIndex, "boardInputIndex == null");
  }
}
