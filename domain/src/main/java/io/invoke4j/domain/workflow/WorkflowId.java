package io.invoke4j.domain.workflow;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** The id of a workflow saved in the server's library ({@code workflow_id}). */
@Value.Immutable(builder = false)
@InvokeStyle
public interface WorkflowId {
  /** The id as the server spells it. */
  @Value.Parameter
  String value();

  /** The id {@code value}. */
  static WorkflowId of(String value) {
    return ImmutableWorkflowId.of(value);
  }

  @Value.Check
  default void check() {
    if (value().isBlank()) {
      throw new IllegalArgumentException("WorkflowId must not be blank");
    }
  }
}
