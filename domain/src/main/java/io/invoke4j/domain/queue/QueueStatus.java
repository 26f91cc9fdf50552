package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** The queue's counts and the processor's state ({@code GET /queue/{id}/status}). */
@Value.Immutable
@InvokeStyle
public interface QueueStatus {
  String queueId();

  QueueCounts counts();

  /** The item running now, if any. */
  Optional<QueueItemId> currentItemId();

  /** The batch of the item running now, if any. */
  Optional<BatchId> currentBatchId();

  /** Whether the processor is started (false after {@code processor/pause}). */
  boolean processorStarted();

  /** Whether the processor is running an item now. */
  boolean processorProcessing();

  /** The server's JSON; read-only by agreement. */
  @Value.Default
  @Value.Auxiliary
  default JsonNode raw() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Whether anything is pending, running or waiting. */
  default boolean isBusy() {
    return counts().unfinished() > 0;
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link QueueStatus}. */
  final class Builder extends ImmutableQueueStatus.Builder {}
}
