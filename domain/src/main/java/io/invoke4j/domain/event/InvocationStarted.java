package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItemId;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code invocation_started}: a node of a queue item's session started. */
@Value.Immutable
@InvokeStyle
public interface InvocationStarted extends InvokeEvent {
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

  /** The session. */
  String sessionId();

  /** The node id as sent in the graph ({@code invocation_source_id}). */
  String sourceNodeId();

  /** The prepared (execution) node id ({@code invocation.id}). */
  String preparedNodeId();

  /** The node's invocation type ({@code invocation.type}). */
  String nodeType();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link InvocationStarted}. */
  final class Builder extends ImmutableInvocationStarted.Builder {}
}
