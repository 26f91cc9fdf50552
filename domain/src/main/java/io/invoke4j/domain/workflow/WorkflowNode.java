package io.invoke4j.domain.workflow;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** A short view of one node of a workflow. */
@Value.Immutable
@InvokeStyle
public interface WorkflowNode {
  /** Position in the workflow's {@code nodes} array. */
  int index();

  /** The node id. */
  String id();

  /** The node's kind: {@code invocation}, {@code notes} or {@code connector}. */
  String kind();

  /** The invocation type (e.g. {@code save_image}) for invocations, else the kind. */
  String type();

  /** The node's {@code data.label}, empty when it has none. */
  String label();

  /** JSONPath of the node, e.g. {@code $.nodes[3]}. */
  String jsonPath();

  /** True for {@code invocation} nodes. */
  default boolean isInvocation() {
    return "invocation".equals(kind());
  }
}
