package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.queue.QueueItemId;
import java.util.List;
import org.immutables.value.Value;

/** {@code queue_items_canceled}: a bulk cancel; the server sends no per-item status events for it. */
@Value.Immutable
@InvokeStyle
public interface QueueItemsCanceled extends InvokeEvent {
  @Override
  String name();

  @Override
  @Value.Auxiliary
  JsonNode raw();

  List<QueueItemId> canceledItemIds();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link QueueItemsCanceled}. */
  final class Builder extends ImmutableQueueItemsCanceled.Builder {}
}
