package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueStatus;
import io.invoke4j.domain.workflow.WorkflowRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON the management commands print for each server value: camelCase keys, absent values as
 * {@code null} so every row of a table has the same columns, times in ISO-8601.
 */
final class Views {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Views() {}

  static <T> ArrayNode array(Collection<T> values, Function<T, JsonNode> view) {
    ArrayNode array = JSON.arrayNode();
    values.forEach(v -> array.add(view.apply(v)));
    return array;
  }

  static ArrayNode names(Collection<ImageName> names) {
    ArrayNode array = JSON.arrayNode();
    names.forEach(n -> array.add(n.value()));
    return array;
  }

  static ArrayNode emptyArray() {
    return JSON.arrayNode();
  }

  static ObjectNode object() {
    return JSON.objectNode();
  }

  static JsonNode board(Board board) {
    ObjectNode view = JSON.objectNode().put("id", board.id().value()).put("name", board.name())
        .put("imageCount", board.imageCount()).put("assetCount", board.assetCount()).put("archived", board.archived());
    return view.put("createdAt", text(board.createdAt()));
  }

  static JsonNode image(ImageInfo image) {
    return JSON.objectNode().put("name", image.name().value())
        .put("board", image.boardId().map(b -> b.value()).orElse(null))
        .put("category", image.category().map(c -> c.wire()).orElse(null))
        .put("width", image.width()).put("height", image.height()).put("starred", image.starred())
        .put("createdAt", text(image.createdAt()));
  }

  static JsonNode model(ModelRecord model) {
    return JSON.objectNode().put("key", model.key().value()).put("name", model.name()).put("base", model.base())
        .put("type", model.type()).put("format", model.format().orElse(null)).put("hash", model.hash().orElse(null));
  }

  static JsonNode installJob(ModelInstallJob job) {
    return JSON.objectNode().put("id", job.id()).put("status", job.statusText()).put("source", job.source())
        .put("progress", job.progress()).put("installed", job.installed().map(m -> m.key().value()).orElse(null))
        .put("error", job.error().or(job::errorReason).orElse(null));
  }

  static JsonNode queueItem(QueueItem item) {
    return JSON.objectNode().put("itemId", item.itemId().value()).put("batchId", item.batchId().value())
        .put("status", item.statusText()).put("createdAt", text(item.createdAt()))
        .put("completedAt", text(item.completedAt())).put("error", item.errorType()
            .map(t -> t + item.errorMessage().map(m -> ": " + m).orElse("")).orElse(null));
  }

  static JsonNode queueStatus(QueueStatus status) {
    return JSON.objectNode().put("queueId", status.queueId()).put("pending", status.counts().pending())
        .put("inProgress", status.counts().inProgress()).put("completed", status.counts().completed())
        .put("failed", status.counts().failed()).put("canceled", status.counts().canceled())
        .put("total", status.counts().total())
        .put("currentItemId", status.currentItemId().map(i -> i.value()).orElse(null))
        .put("processorStarted", status.processorStarted()).put("processorProcessing", status.processorProcessing());
  }

  static ObjectNode workflow(WorkflowRecord record) {
    return JSON.objectNode().put("id", record.id().value()).put("name", record.name())
        .put("category", record.category()).put("description", record.description().orElse(null))
        .put("updatedAt", text(record.updatedAt()));
  }

  private static String text(Optional<Instant> time) {
    return time.map(Instant::toString).orElse(null);
  }
}
