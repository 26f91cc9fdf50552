package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItemId;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code invocation_complete}: a node finished with its output. */
@Value.Immutable
@InvokeStyle
public interface InvocationComplete extends InvokeEvent {
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

  /** The node's output, e.g. {@code {"type":"image_output","image":{"image_name":..},..}}. */
  JsonNode result();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link InvocationComplete}. */
  final class Builder extends ImmutableInvocationComplete.Builder {}
}
