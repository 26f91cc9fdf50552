package io.invoke4j.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.invoke4j.domain.event.BatchEnqueued;
import io.invoke4j.domain.event.InvocationComplete;
import io.invoke4j.domain.event.InvocationError;
import io.invoke4j.domain.event.InvocationProgress;
import io.invoke4j.domain.event.InvocationStarted;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.event.ModelInstallEvent;
import io.invoke4j.domain.event.ModelLoadEvent;
import io.invoke4j.domain.event.OtherEvent;
import io.invoke4j.domain.event.QueueCleared;
import io.invoke4j.domain.event.QueueItemStatusChanged;
import io.invoke4j.domain.event.QueueItemsCanceled;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueCounts;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one Socket.IO event (name and JSON payload) into a domain event. Never throws for what the
 * server sends: an unknown name, or a payload this version cannot read, becomes an {@link
 * OtherEvent}, so one odd event cannot stop the stream.
 */
final class EventMapper {
  private static final Logger log = LoggerFactory.getLogger(EventMapper.class);

  private final ObjectMapper json;

  EventMapper(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Maps an event as socket.io-client delivers it: the arguments after the name are org.json values
   * (python-socketio sends exactly one, the payload object).
   */
  InvokeEvent fromSocket(String name, Object... args) {
    JsonNode payload;
    try {
      payload = args.length == 0 ? NullNode.getInstance() : toJsonNode(args[0]);
    } catch (JsonProcessingException | RuntimeException e) {
      log.warn("Cannot read the payload of event {}, passing on its text: {}", name, e.toString());
      payload = json.getNodeFactory().textNode(String.valueOf(args[0]));
    }
    return map(name, payload);
  }

  private JsonNode toJsonNode(Object arg) throws JsonProcessingException {
    // org.json (the 2009 version socket.io-client pulls in) writes standard JSON text; reading that
    // text back is the one conversion that cannot drift from what the server sent.
    if (arg instanceof JSONObject || arg instanceof JSONArray) {
      return json.readTree(arg.toString());
    }
    if (arg == null || JSONObject.NULL.equals(arg)) {
      return NullNode.getInstance();
    }
    return json.valueToTree(arg);
  }

  /** Maps one event; unknown names and unreadable payloads give an {@link OtherEvent}. */
  InvokeEvent map(String name, JsonNode payload) {
    try {
      switch (name) {
        case "queue_item_status_changed":
          return statusChanged(name, payload);
        case "invocation_started":
          return started(name, payload);
        case "invocation_progress":
          return progress(name, payload);
        case "invocation_complete":
          return complete(name, payload);
        case "invocation_error":
          return error(name, payload);
        case "batch_enqueued":
          return batchEnqueued(name, payload);
        case "queue_cleared":
          return QueueCleared.builder().name(name).raw(payload).queueId(text(payload, "queue_id")).build();
        case "queue_items_canceled":
          return itemsCanceled(name, payload);
        case "model_load_started":
        case "model_load_complete":
          return modelLoad(name, payload);
        default:
          if (ModelInstallEvent.Kind.ofEventName(name).isPresent()) {
            return modelInstall(name, ModelInstallEvent.Kind.ofEventName(name).get(), payload);
          }
          return other(name, payload);
      }
    } catch (RuntimeException e) {
      // IllegalArgumentException from our checks, or an Immutables/JDK exception on a bad value
      log.warn("Cannot read event {}, passing it on as OtherEvent: {}", name, e.toString());
      return other(name, payload);
    }
  }

  /** {@code model_install_*}: {@code id}, {@code source} (a tagged object) and what the kind adds. */
  private static ModelInstallEvent modelInstall(String name, ModelInstallEvent.Kind kind, JsonNode p) {
    JsonNode id = required(p, "id");
    if (!id.canConvertToLong()) {
      throw new IllegalArgumentException("id is not an integer: " + id);
    }
    return ModelInstallEvent.builder().name(name).raw(p).kind(kind)
        .jobId(id.longValue())
        .source(ModelMapper.sourceText(p.get("source")))
        .bytes(optionalLong(p, "bytes"))
        .totalBytes(optionalLong(p, "total_bytes"))
        .modelKey(optionalText(p, "key").map(ModelKey::of))
        .errorType(optionalText(p, "error_type"))
        .error(optionalText(p, "error"))
        .build();
  }

  /** {@code model_load_*}: the model's {@code config} and the {@code submodel_type}. */
  private static ModelLoadEvent modelLoad(String name, JsonNode p) {
    return ModelLoadEvent.builder().name(name).raw(p)
        .complete(name.equals("model_load_complete"))
        .model(ModelMapper.toModelRecord(object(p, "config")))
        .submodelType(optionalText(p, "submodel_type"))
        .build();
  }

  private static Optional<Long> optionalLong(JsonNode p, String field) {
    JsonNode value = p.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToLong()) {
      throw new IllegalArgumentException(field + " is not an integer: " + value);
    }
    return Optional.of(value.longValue());
  }

  private static OtherEvent other(String name, JsonNode payload) {
    return OtherEvent.builder().name(name).raw(payload).build();
  }

  private static QueueItemStatusChanged statusChanged(String name, JsonNode p) {
    String status = text(p, "status");
    QueueItemStatusChanged.Builder event = QueueItemStatusChanged.builder()
        .name(name)
        .raw(p)
        .item(itemId(p))
        .batchId(BatchId.of(text(p, "batch_id")))
        .status(QueueItemStatus.fromWire(status))
        .statusText(status)
        .sessionId(optionalText(p, "session_id"))
        .errorType(optionalText(p, "error_type"))
        .errorMessage(optionalText(p, "error_message"))
        .errorTraceback(optionalText(p, "error_traceback"))
        .startedAt(optionalText(p, "started_at").map(EventMapper::sqliteInstant))
        .completedAt(optionalText(p, "completed_at").map(EventMapper::sqliteInstant));
    JsonNode batch = p.get("batch_status");
    if (batch != null && !batch.isNull()) {
      event.batchCounts(QueueCounts.builder()
          .pending(integer(batch, "pending"))
          .inProgress(integer(batch, "in_progress"))
          .waiting(batch.hasNonNull("waiting") ? integer(batch, "waiting") : 0)
          .completed(integer(batch, "completed"))
          .failed(integer(batch, "failed"))
          .canceled(integer(batch, "canceled"))
          .total(integer(batch, "total"))
          .build());
    }
    return event.build();
  }

  private static InvocationStarted started(String name, JsonNode p) {
    JsonNode invocation = object(p, "invocation");
    return InvocationStarted.builder()
        .name(name)
        .raw(p)
        .item(itemId(p))
        .batchId(BatchId.of(text(p, "batch_id")))
        .sessionId(text(p, "session_id"))
        .sourceNodeId(text(p, "invocation_source_id"))
        .preparedNodeId(text(invocation, "id"))
        .nodeType(text(invocation, "type"))
        .build();
  }

  private static InvocationProgress progress(String name, JsonNode p) {
    JsonNode invocation = object(p, "invocation");
    JsonNode percentage = p.get("percentage");
    if (percentage != null && !percentage.isNull() && !percentage.isNumber()) {
      throw new IllegalArgumentException("percentage is not a number: " + percentage);
    }
    JsonNode image = p.get("image");
    return InvocationProgress.builder()
        .name(name)
        .raw(p)
        .item(itemId(p))
        .batchId(BatchId.of(text(p, "batch_id")))
        .sessionId(text(p, "session_id"))
        .sourceNodeId(text(p, "invocation_source_id"))
        .preparedNodeId(text(invocation, "id"))
        .nodeType(text(invocation, "type"))
        .message(text(p, "message"))
        .percentage(percentage == null || percentage.isNull()
            ? Optional.empty() : Optional.of(percentage.doubleValue()))
        .previewDataUrl(image == null || image.isNull() ? Optional.empty() : optionalText(image, "dataURL"))
        .build();
  }

  private static InvocationComplete complete(String name, JsonNode p) {
    JsonNode invocation = object(p, "invocation");
    return InvocationComplete.builder()
        .name(name)
        .raw(p)
        .item(itemId(p))
        .batchId(BatchId.of(text(p, "batch_id")))
        .sessionId(text(p, "session_id"))
        .sourceNodeId(text(p, "invocation_source_id"))
        .preparedNodeId(text(invocation, "id"))
        .nodeType(text(invocation, "type"))
        .result(object(p, "result"))
        .build();
  }

  private static InvocationError error(String name, JsonNode p) {
    JsonNode invocation = object(p, "invocation");
    return InvocationError.builder()
        .name(name)
        .raw(p)
        .item(itemId(p))
        .batchId(BatchId.of(text(p, "batch_id")))
        .sessionId(text(p, "session_id"))
        .sourceNodeId(text(p, "invocation_source_id"))
        .preparedNodeId(text(invocation, "id"))
        .nodeType(text(invocation, "type"))
        .errorType(text(p, "error_type"))
        .errorMessage(text(p, "error_message"))
        .errorTraceback(optionalText(p, "error_traceback"))
        .build();
  }

  private static BatchEnqueued batchEnqueued(String name, JsonNode p) {
    return BatchEnqueued.builder()
        .name(name)
        .raw(p)
        .batchId(BatchId.of(text(p, "batch_id")))
        .enqueued(integer(p, "enqueued"))
        .requested(integer(p, "requested"))
        .origin(optionalText(p, "origin"))
        .build();
  }

  private static QueueItemsCanceled itemsCanceled(String name, JsonNode p) {
    JsonNode ids = required(p, "canceled_item_ids");
    if (!ids.isArray()) {
      throw new IllegalArgumentException("canceled_item_ids is not an array");
    }
    List<QueueItemId> canceled = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.canConvertToExactIntegral() || !id.canConvertToLong()) {
        throw new IllegalArgumentException("canceled_item_ids holds a non-integer: " + id);
      }
      canceled.add(QueueItemId.of(id.longValue()));
    }
    return QueueItemsCanceled.builder().name(name).raw(p).canceledItemIds(canceled).build();
  }

  // --- field readers: strict, so that a changed schema shows up as a WARN, not as wrong values ---

  private static QueueItemId itemId(JsonNode p) {
    JsonNode id = required(p, "item_id");
    if (!id.isIntegralNumber() || !id.canConvertToLong()) {
      throw new IllegalArgumentException("item_id is not an integer: " + id);
    }
    return QueueItemId.of(id.longValue());
  }

  private static JsonNode required(JsonNode p, String field) {
    if (!p.isObject()) {
      throw new IllegalArgumentException("payload is not an object");
    }
    JsonNode value = p.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return value;
  }

  private static JsonNode object(JsonNode p, String field) {
    JsonNode value = required(p, field);
    if (!value.isObject()) {
      throw new IllegalArgumentException(field + " is not an object");
    }
    return value;
  }

  private static String text(JsonNode p, String field) {
    JsonNode value = required(p, field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " is not text: " + value);
    }
    return value.textValue();
  }

  private static Optional<String> optionalText(JsonNode p, String field) {
    if (!p.isObject()) {
      throw new IllegalArgumentException("payload is not an object");
    }
    JsonNode value = p.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " is not text: " + value);
    }
    return Optional.of(value.textValue());
  }

  private static int integer(JsonNode p, String field) {
    JsonNode value = required(p, field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(field + " is not an integer: " + value);
    }
    return value.intValue();
  }

  /**
   * Queue item timestamps are SQLite text in UTC without a zone, {@code 2026-11-28 23:10:51.775}
   * (InvokeAI 6.14.2); an ISO string with an offset is read too, should a later version send one.
   */
  static Instant sqliteInstant(String text) {
    String iso = text.strip().replace(' ', 'T');
    try {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a timestamp: " + text, e);
      }
    }
  }
}
