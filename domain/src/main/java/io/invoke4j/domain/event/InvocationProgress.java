package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItemId;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code invocation_progress}: a node reports progress (a denoising step, a download). */
@Value.Immutable
@InvokeStyle
public interface InvocationProgress extends InvokeEvent {
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

  /** The server's progress message, e.g. {@code Step 3/30}. */
  String message();

  /** The fraction done, 0..1, when known. */
  Optional<Double> percentage();

  /** The preview image as a {@code data:} URL, when the node sends one. */
  Optional<String> previewDataUrl();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link InvocationProgress}. */
  final class Builder extends ImmutableInvocationProgress.Builder {}
}
