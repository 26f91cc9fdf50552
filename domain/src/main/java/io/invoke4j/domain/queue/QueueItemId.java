package io.invoke4j.domain.queue;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** The id of one queue item ({@code item_id}); ascending in enqueue order. */
@Value.Immutable(builder = false)
@InvokeStyle
public interface QueueItemId {
  /** The id as the server spells it. */
  @Value.Parameter
  long value();

  /** The id {@code value}. */
  static QueueItemId of(long value) {
    return ImmutableQueueItemId.of(value);
  }

  /** The id parsed from its decimal text. */
  static QueueItemId parse(String text) {
    return of(Long.parseLong(text.strip()));
  }
}
