package io.invoke4j.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.invoke4j.domain.EnqueueProblem;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.queue.BatchFieldValue;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.BatchStatus;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.QueueCounts;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.QueueStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the session queue's JSON ({@code SessionQueueItem}, statuses, enqueue results, 422s). */
final class QueueMapper {
  /** pydantic's message when a batch datum names a node the graph lacks (InvokeAI 6.14.2). */
  private static final Pattern NODE_NOT_FOUND = Pattern.compile("Node (\\S+) not found in graph");
  /** pydantic's message when a batch datum names a field the node lacks (InvokeAI 6.14.2). */
  private static final Pattern FIELD_NOT_FOUND =
      Pattern.compile("Field (\\S+) not found in node (\\S+)");
  /** The graph validator's edge messages (graph.py, InvokeAI 6.14.2), which come with loc [body,batch,graph]. */
  private static final Pattern EDGE_FIELD_NOT_FOUND =
      Pattern.compile("Edge (?:source|destination) field (\\S+) does not exist in node (\\S+)");
  private static final Pattern EDGE_NODE_NOT_FOUND =
      Pattern.compile("Edge (?:source|destination) node (\\S+) does not exist in the graph");
  /**
   * An edge's repr in the other edge messages, {@code (a.value -> b.a)}: the destination is the
   * input that cannot take it.
   */
  private static final Pattern EDGE_DESTINATION = Pattern.compile("-> (\\S+)\\.([^.)\\s]+)\\)");

  private QueueMapper() {}

  static QueueItem toQueueItem(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InvokeProtocolException("a queue item must be a JSON object: " + Json.excerpt(json));
    }
    String statusText = Json.text(json, "status").orElse("unknown");
    QueueItem.Builder item = QueueItem.builder()
        .itemId(QueueItemId.of(Json.requiredLong(json, "item_id", "queue item")))
        .batchId(BatchId.of(Json.requiredText(json, "batch_id", "queue item")))
        .sessionId(Json.text(json, "session_id"))
        .status(QueueItemStatus.fromWire(statusText))
        .statusText(statusText)
        .origin(Json.text(json, "origin"))
        .destination(Json.text(json, "destination"))
        .errorType(Json.text(json, "error_type"))
        .errorMessage(Json.text(json, "error_message"))
        .errorTraceback(Json.text(json, "error_traceback"))
        .createdAt(Json.instant(json, "created_at"))
        .updatedAt(Json.instant(json, "updated_at"))
        .startedAt(Json.instant(json, "started_at"))
        .completedAt(Json.instant(json, "completed_at"))
        .fieldValues(fieldValues(Json.member(json, "field_values")))
        .raw(json);
    Json.text(json, "queue_id").ifPresent(item::queueId);
    JsonNode workflow = Json.member(json, "workflow");
    if (workflow != null && workflow.isObject()) {
      item.workflow(workflow);
    }
    JsonNode session = Json.member(json, "session");
    if (session != null && session.isObject()) {
      JsonNode graph = Json.member(session, "graph");
      if (graph != null && graph.isObject()) {
        item.graph(graph);
      }
      JsonNode executionGraph = Json.member(session, "execution_graph");
      if (executionGraph != null && executionGraph.isObject()) {
        item.executionGraph(executionGraph);
      }
      forEachField(Json.member(session, "results"), item::putResults);
      forEachField(Json.member(session, "errors"),
          (id, error) -> item.putSessionErrors(id, error.isTextual() ? error.asText() : error.toString()));
      forEachField(Json.member(session, "prepared_source_mapping"),
          (prepared, source) -> item.putPreparedSourceMapping(prepared, source.asText()));
      forEachField(Json.member(session, "source_prepared_mapping"), (source, prepared) -> {
        List<String> ids = new ArrayList<>();
        if (prepared.isArray()) {
          prepared.forEach(p -> ids.add(p.asText()));
        }
        item.putSourcePreparedMapping(source, ids);
      });
    }
    return item.build();
  }

  static List<QueueItem> toQueueItems(JsonNode json) {
    List<QueueItem> items = new ArrayList<>();
    if (json != null && json.isArray()) {
      json.forEach(node -> items.add(toQueueItem(node)));
    } else if (json != null && !json.isNull()) {
      throw new InvokeProtocolException("expected a list of queue items: " + Json.excerpt(json));
    }
    return items;
  }

  static EnqueueResult toEnqueueResult(JsonNode json, BatchId sent) {
    JsonNode batch = Json.member(json, "batch");
    String batchId = Json.text(batch, "batch_id").orElse(sent == null ? null : sent.value());
    if (batchId == null) {
      throw new InvokeProtocolException("an enqueue result without batch.batch_id: " + Json.excerpt(json));
    }
    return EnqueueResult.builder()
        .queueId(Json.text(json, "queue_id").orElse("default"))
        .batchId(BatchId.of(batchId))
        .enqueued(Json.integer(json, "enqueued"))
        .requested(Json.integer(json, "requested"))
        .priority(Json.integer(json, "priority"))
        .itemIds(ascendingIds(Json.member(json, "item_ids")))
        .raw(json)
        .build();
  }

  static QueueStatus toQueueStatus(JsonNode json) {
    JsonNode queue = Json.member(json, "queue");
    JsonNode processor = Json.member(json, "processor");
    if (queue == null) {
      throw new InvokeProtocolException("a queue status without queue: " + Json.excerpt(json));
    }
    QueueStatus.Builder status = QueueStatus.builder()
        .queueId(Json.text(queue, "queue_id").orElse("default"))
        .counts(toCounts(queue))
        .processorStarted(Json.bool(processor, "is_started"))
        .processorProcessing(Json.bool(processor, "is_processing"))
        .raw(json);
    JsonNode itemId = Json.member(queue, "item_id");
    if (itemId != null && itemId.canConvertToLong()) {
      status.currentItemId(QueueItemId.of(itemId.asLong()));
    }
    Json.text(queue, "batch_id").filter(s -> !s.isBlank()).map(BatchId::of)
        .ifPresent(status::currentBatchId);
    return status.build();
  }

  static BatchStatus toBatchStatus(JsonNode json, BatchId asked) {
    return BatchStatus.builder()
        .queueId(Json.text(json, "queue_id").orElse("default"))
        .batchId(Json.text(json, "batch_id").filter(s -> !s.isBlank()).map(BatchId::of).orElse(asked))
        .origin(Json.text(json, "origin"))
        .destination(Json.text(json, "destination"))
        .counts(toCounts(json))
        .raw(json)
        .build();
  }

  static QueueCounts toCounts(JsonNode json) {
    return QueueCounts.builder()
        .pending(Json.integer(json, "pending"))
        .inProgress(Json.integer(json, "in_progress"))
        .waiting(Json.integer(json, "waiting"))
        .completed(Json.integer(json, "completed"))
        .failed(Json.integer(json, "failed"))
        .canceled(Json.integer(json, "canceled"))
        .total(Json.integer(json, "total"))
        .build();
  }

  /**
   * The problems of a 422 body {@code {"detail":[{type, loc, msg, ...}]}}. A node value of the wrong
   * type has {@code loc = [body, batch, graph, nodes, <id>, <node type>, <field>]} (InvokeAI 6.14.2);
   * batch-data problems have {@code loc = [body, batch]} or {@code [body, batch, data]} and name the
   * node and field only in the message, from which they are taken.
   */
  static List<EnqueueProblem> toProblems(JsonNode json) {
    List<EnqueueProblem> problems = new ArrayList<>();
    JsonNode detail = Json.member(json, "detail");
    if (detail == null) {
      return problems;
    }
    if (detail.isTextual()) {
      problems.add(EnqueueProblem.builder().type("error").message(detail.asText()).build());
      return problems;
    }
    if (!detail.isArray()) {
      return problems;
    }
    for (JsonNode entry : detail) {
      List<String> loc = new ArrayList<>();
      JsonNode locNode = Json.member(entry, "loc");
      if (locNode != null && locNode.isArray()) {
        locNode.forEach(part -> loc.add(part.asText()));
      }
      String message = Json.text(entry, "msg").orElse("");
      EnqueueProblem.Builder problem = EnqueueProblem.builder()
          .loc(loc)
          .type(Json.text(entry, "type").orElse("unknown"))
          .message(message);
      int nodes = nodesIndex(loc);
      if (nodes >= 0 && nodes + 1 < loc.size()) {
        problem.nodeId(loc.get(nodes + 1));
        // [.., nodes, <id>, <node type>, <field>, ...]: the discriminated union adds the type
        if (nodes + 3 < loc.size()) {
          problem.field(loc.get(nodes + 3));
        }
      } else {
        Matcher field = FIELD_NOT_FOUND.matcher(message);
        Matcher node = NODE_NOT_FOUND.matcher(message);
        Matcher edgeField = EDGE_FIELD_NOT_FOUND.matcher(message);
        Matcher edgeNode = EDGE_NODE_NOT_FOUND.matcher(message);
        Matcher destination = EDGE_DESTINATION.matcher(message);
        if (field.find()) {
          problem.nodeId(field.group(2)).field(field.group(1));
        } else if (node.find()) {
          problem.nodeId(node.group(1));
        } else if (edgeField.find()) {
          problem.nodeId(edgeField.group(2)).field(edgeField.group(1));
        } else if (edgeNode.find()) {
          problem.nodeId(edgeNode.group(1));
        } else if (destination.find()) {
          problem.nodeId(destination.group(1)).field(destination.group(2));
        }
      }
      problems.add(problem.build());
    }
    return problems;
  }

  private static int nodesIndex(List<String> loc) {
    for (int i = 0; i + 1 < loc.size(); i++) {
      if (loc.get(i).equals("graph") && loc.get(i + 1).equals("nodes")) {
        return i + 1;
      }
    }
    return -1;
  }

  static List<QueueItemId> ascendingIds(JsonNode ids) {
    List<QueueItemId> result = new ArrayList<>();
    if (ids != null && ids.isArray()) {
      ids.forEach(id -> result.add(QueueItemId.of(id.asLong())));
    }
    result.sort((a, b) -> Long.compare(a.value(), b.value()));
    return result;
  }

  private static List<BatchFieldValue> fieldValues(JsonNode json) {
    List<BatchFieldValue> values = new ArrayList<>();
    if (json == null || !json.isArray()) {
      return values;
    }
    for (JsonNode value : json) {
      String nodePath = Json.text(value, "node_path").orElse(null);
      String fieldName = Json.text(value, "field_name").orElse(null);
      if (nodePath == null || fieldName == null) {
        continue;
      }
      JsonNode v = value.get("value");
      values.add(BatchFieldValue.builder()
          .nodePath(nodePath)
          .fieldName(fieldName)
          .value(v == null ? NullNode.getInstance() : v)
          .build());
    }
    return values;
  }

  private static void forEachField(JsonNode object, BiConsumer<String, JsonNode> action) {
    if (object == null || !object.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue() != null && !field.getValue().isNull()) {
        action.accept(field.getKey(), field.getValue());
      }
    }
  }
}
