package io.invoke4j.domain.queue;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** The id of an enqueued batch ({@code batch_id}); one enqueue request is one batch. */
@Value.Immutable(builder = false)
@InvokeStyle
public interface BatchId {
  /** The id as the server spells it. */
  @Value.Parameter
  String value();

  /** The id {@code value}. */
  static BatchId of(String value) {
    return ImmutableBatchId.of(value);
  }

  @Value.Check
  default void check() {
    if (value().isBlank()) {
      throw new IllegalArgumentException("BatchId must not be blank");
    }
  }
}
