package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the typed {@link QueueItem} the mapping reads from queue-item JSON written in tests (or
 * recorded from a server). Only the parts {@link OutputMapper} uses are read: adapter-http's
 * {@code QueueMapper} is the real reader, and its own tests cover the server's whole format.
 */
final class TestQueueItems {
  private TestQueueItems() {}

  static QueueItem from(JsonNode json) {
    JsonNode session = json.path("session");
    QueueItem.Builder item = QueueItem.builder()
        .itemId(QueueItemId.of(json.path("item_id").asLong(1)))
        .batchId(BatchId.of(json.path("batch_id").asText("batch")))
        .statusText(json.path("status").asText("completed"))
        .status(QueueItemStatus.fromWire(json.path("status").asText("completed")))
        .raw(json);
    if (session.has("graph")) {
      item.graph(session.get("graph"));
    }
    if (session.has("execution_graph")) {
      item.executionGraph(session.get("execution_graph"));
    }
    session.path("results").fields().forEachRemaining(e -> item.putResults(e.getKey(), e.getValue()));
    session.path("errors").fields().forEachRemaining(e -> item.putSessionErrors(e.getKey(),
        e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    session.path("prepared_source_mapping").fields()
        .forEachRemaining(e -> item.putPreparedSourceMapping(e.getKey(), e.getValue().asText()));
    session.path("source_prepared_mapping").fields().forEachRemaining(e -> {
      List<String> ids = new ArrayList<>();
      e.getValue().forEach(id -> ids.add(id.asText()));
      item.putSourcePreparedMapping(e.getKey(), ids);
    });
    return item.build();
  }
}
