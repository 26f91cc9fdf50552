package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

/**
 * Which node field a form input index stands for, as saved by
 * {@link WorkflowHandle#exportInputIndexMap()} (e.g. next to a configuration that sets inputs by
 * index) and checked by {@link WorkflowHandle#verifyInputIndexMap}.
 *
 * @param index the form input index
 * @param nodeId the node holding the field
 * @param fieldName the field
 * @param label the input's label when it was exported (not part of the identity)
 */
public record InputRef(int index, String nodeId, String fieldName, String label) {
  /** Checks the parts. */
  public InputRef {
    requireNonNull(nodeId, "nodeId == null");
    requireNonNull(fieldName, "fieldName == null");
    requireNonNull(label, "label == null");
  }
}
