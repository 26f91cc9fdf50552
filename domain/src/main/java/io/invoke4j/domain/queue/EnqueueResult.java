package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * What the server answered to an enqueue request ({@code EnqueueBatchResult}). {@link #enqueued()}
 * may be below {@link #requested()} (even 0) when the server's queue is full: InvokeAI then drops the
 * rest without an error.
 */
@Value.Immutable
@InvokeStyle
public interface EnqueueResult {
  /** The queue the batch went to. */
  String queueId();

  /** The batch id (the one the request carried, or the server's). */
  BatchId batchId();

  /** How many sessions were queued. */
  int enqueued();

  /** How many sessions the request asked for. */
  int requested();

  /** The items' priority. */
  int priority();

  /** The new items' ids, <em>ascending</em> (the server lists them descending). */
  List<QueueItemId> itemIds();

  /** The server's JSON; read-only by agreement. */
  @Value.Default
  @Value.Auxiliary
  default JsonNode raw() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnqueueResult}. */
  final class Builder extends ImmutableEnqueueResult.Builder {}
}
