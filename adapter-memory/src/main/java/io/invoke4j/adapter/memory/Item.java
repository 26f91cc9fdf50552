package io.invoke4j.adapter.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.queue.BatchFieldValue;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One queue item's mutable state; guarded by the server's lock. */
final class Item {
  final long id;
  final BatchId batchId;
  final String origin;
  final String destination;
  final int priority;
  final String sessionId;
  final ObjectNode graph;
  final List<BatchFieldValue> fieldValues;
  final Optional<JsonNode> workflow;
  final Instant createdAt;
  final Optional<Long> retriedFrom;
  QueueItemStatus status = QueueItemStatus.PENDING;
  Instant updatedAt;
  Instant startedAt;
  Instant completedAt;
  String errorType;
  String errorMessage;
  String errorTraceback;
  ObjectNode executionGraph = JsonNodeFactory.instance.objectNode();
  final Map<String, JsonNode> results = new LinkedHashMap<>();
  final Map<String, String> errors = new LinkedHashMap<>();
  final Map<String, String> preparedSource = new LinkedHashMap<>();
  final Map<String, List<String>> sourcePrepared = new LinkedHashMap<>();

  Item(long id, BatchId batchId, String origin, String destination, int priority, String sessionId,
      ObjectNode graph, List<BatchFieldValue> fieldValues, Optional<JsonNode> workflow, Instant createdAt,
      Optional<Long> retriedFrom) {
    this.id = id;
    this.batchId = batchId;
    this.origin = origin;
    this.destination = destination;
    this.priority = priority;
    this.sessionId = sessionId;
    this.graph = graph;
    this.fieldValues = List.copyOf(fieldValues);
    this.workflow = workflow;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.retriedFrom = retriedFrom;
  }

  /** A copy for a retry: same batch, graph and values, pending again. */
  Item retry(long newId, String newSessionId, Instant now) {
    return new Item(newId, batchId, origin, destination, priority, newSessionId, graph.deepCopy(), fieldValues,
        workflow, now, Optional.of(id));
  }

  void prepared(String preparedId, String sourceId) {
    preparedSource.put(preparedId, sourceId);
    sourcePrepared.computeIfAbsent(sourceId, k -> new ArrayList<>()).add(preparedId);
  }

  QueueItem toQueueItem() {
    ObjectNode raw = JsonNodeFactory.instance.objectNode();
    raw.put("item_id", id);
    raw.put("status", status.wire());
    raw.put("priority", priority);
    raw.put("batch_id", batchId.value());
    raw.put("session_id", sessionId);
    retriedFrom.ifPresent(r -> raw.put("retried_from_item_id", r));
    QueueItem.Builder builder = QueueItem.builder()
        .itemId(QueueItemId.of(id))
        .batchId(batchId)
        .sessionId(sessionId)
        .status(status)
        .statusText(status.wire())
        .origin(origin)
        .destination(destination)
        .errorType(Optional.ofNullable(errorType))
        .errorMessage(Optional.ofNullable(errorMessage))
        .errorTraceback(Optional.ofNullable(errorTraceback))
        .createdAt(createdAt)
        .updatedAt(updatedAt)
        .startedAt(Optional.ofNullable(startedAt))
        .completedAt(Optional.ofNullable(completedAt))
        .fieldValues(fieldValues)
        .graph(graph.deepCopy())
        .executionGraph(executionGraph.deepCopy())
        .preparedSourceMapping(preparedSource)
        .workflow(workflow.map(JsonNode::deepCopy))
        .sessionErrors(errors)
        .raw(raw);
    results.forEach((k, v) -> builder.putResults(k, v.deepCopy()));
    sourcePrepared.forEach((k, v) -> builder.putSourcePreparedMapping(k, List.copyOf(v)));
    return builder.build();
  }
}
