package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One item of the server's session queue ({@code SessionQueueItem}): one session of one batch, its
 * status, error and, once it ran, the session's results.
 *
 * <p>Results are keyed by <em>prepared</em> (execution) node ids; {@link #preparedSourceMapping()}
 * maps them back to the ids the graph was sent with. {@link #raw()} keeps the server's whole JSON for
 * anything not modelled here (read-only by agreement).
 */
@Value.Immutable
@InvokeStyle
public interface QueueItem {
  /** The item id. */
  QueueItemId itemId();

  /** The batch the item belongs to; {@code "redacted"} for another user's item in multiuser mode. */
  BatchId batchId();

  /** The session id; empty when the server did not send one. */
  Optional<String> sessionId();

  /** The status; {@link QueueItemStatus#UNKNOWN} for a spelling this version does not know. */
  QueueItemStatus status();

  /** The status as the server spelt it. */
  String statusText();

  /** The queue ({@code default} for the GUI). */
  @Value.Default
  default String queueId() {
    return "default";
  }

  /** The request's origin (the GUI's workflow editor sends {@code workflows}). */
  Optional<String> origin();

  /** The request's destination (the GUI sends {@code gallery}). */
  Optional<String> destination();

  /** The failure's exception class name, e.g. {@code MissingInputException}. */
  Optional<String> errorType();

  /** The failure's message. */
  Optional<String> errorMessage();

  /** The failure's Python traceback. */
  Optional<String> errorTraceback();

  /** When the item was created (the server's UTC timestamp). */
  Optional<Instant> createdAt();

  /** When it last changed. */
  Optional<Instant> updatedAt();

  /** When it started running. */
  Optional<Instant> startedAt();

  /** When it reached a terminal status. */
  Optional<Instant> completedAt();

  /** The batch values this item ran with, one per swept field; empty for a batch without data. */
  List<BatchFieldValue> fieldValues();

  /** The graph as sent ({@code session.graph}); an empty object when absent or redacted. */
  @Value.Default
  default JsonNode graph() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The execution graph ({@code session.execution_graph}); an empty object when absent. */
  @Value.Default
  default JsonNode executionGraph() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The outputs of the nodes that ran, by prepared node id ({@code session.results}). */
  Map<String, JsonNode> results();

  /** Node failures, by prepared node id ({@code session.errors}). */
  Map<String, String> sessionErrors();

  /** Prepared (execution) node id to the source node id sent in the graph. */
  Map<String, String> preparedSourceMapping();

  /** Source node id to its prepared copies, in preparation order (several under an iterate). */
  Map<String, List<String>> sourcePreparedMapping();

  /** The workflow stored with the item, when the request embedded one. */
  Optional<JsonNode> workflow();

  /** The server's JSON for this item; read-only by agreement. */
  @Value.Default
  @Value.Auxiliary
  default JsonNode raw() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Whether the item will not change any more. */
  default boolean isTerminal() {
    return status().isTerminal();
  }

  /** The source node id a prepared id belongs to; the id itself when no mapping names it. */
  default String sourceOf(String preparedId) {
    return preparedSourceMapping().getOrDefault(preparedId, preparedId);
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link QueueItem}. */
  final class Builder extends ImmutableQueueItem.Builder {}
}
