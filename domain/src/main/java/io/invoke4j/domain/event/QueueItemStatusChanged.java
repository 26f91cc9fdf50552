package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItemId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code queue_item_status_changed}: a queue item moved to another status. */
@Value.Immutable
@InvokeStyle
public interface QueueItemStatusChanged extends InvokeEvent {
  @Override
  String name();

  @Override
  @Value.Auxiliary
  JsonNode raw();

  /** The queue item. */
  QueueItemId item();

  @Override
  default Optional<QueueItemId> itemId() {
    return Optional.of(item());
  }

  /** The item's batch. */
  BatchId batchId();

  /** The new status. */
  io.invoke4j.domain.queue.QueueItemStatus status();

  /** The status as the server spelt it. */
  String statusText();

  Optional<String> sessionId();

  Optional<String> errorType();

  Optional<String> errorMessage();

  Optional<String> errorTraceback();

  /** When the item started, if it did. */
  Optional<Instant> startedAt();

  /** When the item reached a terminal status, if it did. */
  Optional<Instant> completedAt();

  /** The counts of the item's batch after the change, when the server sent them. */
  Optional<io.invoke4j.domain.queue.QueueCounts> batchCounts();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link QueueItemStatusChanged}. */
  final class Builder extends ImmutableQueueItemStatusChanged.Builder {}
}
