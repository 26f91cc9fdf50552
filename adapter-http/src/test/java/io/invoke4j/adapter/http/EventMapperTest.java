package io.invoke4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Payloads recorded from InvokeAI 6.14.2 (see fixtures/events/README.md), fed in as socket.io-client
 * delivers them: org.json objects.
 */
class EventMapperTest {
  private final ObjectMapper json = new ObjectMapper();
  private final EventMapper mapper = new EventMapper(json);

  @Test
  void mapsBatchEnqueued() {
    assertThat(mapFixture("batch_enqueued", "batch-enqueued.json")).isEqualTo(
        BatchEnqueued.builder()
            .name("batch_enqueued")
            .raw(json.nullNode())
            .batchId(BatchId.of("29b14532-a52a-44e2-9447-6192e1cc04ba"))
            .enqueued(1)
            .requested(1)
            .origin("workflows")
            .build());
  }

  @Test
  void mapsStatusChangedToInProgressWithTimestampsAndBatchCounts() {
    assertThat(mapFixture("queue_item_status_changed", "queue-item-status-changed-in-progress.json"))
        .isEqualTo(QueueItemStatusChanged.builder()
            .name("queue_item_status_changed")
            .raw(json.nullNode())
            .item(QueueItemId.of(22))
            .batchId(BatchId.of("29b14532-a52a-44e2-9447-6192e1cc04ba"))
            .status(QueueItemStatus.IN_PROGRESS)
            .statusText("in_progress")
            .sessionId("96eeb598-dc98-4d5f-a9de-5eef54ea8af1")
            .startedAt(Instant.parse("2026-11-28T23:10:46.147Z"))
            .batchCounts(counts(0, 1, 0, 0, 1))
            .build());
  }

  @Test
  void mapsStatusChangedToCompleted() {
    assertThat(mapFixture("queue_item_status_changed", "queue-item-status-changed-completed.json"))
        .isEqualTo(QueueItemStatusChanged.builder()
            .name("queue_item_status_changed")
            .raw(json.nullNode())
            .item(QueueItemId.of(22))
            .batchId(BatchId.of("29b14532-a52a-44e2-9447-6192e1cc04ba"))
            .status(QueueItemStatus.COMPLETED)
            .statusText("completed")
            .sessionId("96eeb598-dc98-4d5f-a9de-5eef54ea8af1")
            .startedAt(Instant.parse("2026-11-28T23:10:46.147Z"))
            .completedAt(Instant.parse("2026-11-28T23:10:47.201Z"))
            .batchCounts(counts(0, 0, 1, 0, 1))
            .build());
  }

  @Test
  void mapsStatusChangedToFailedWithTheError() {
    JsonNode payload = fixture("queue-item-status-changed-failed.json");
    assertThat(mapper.map("queue_item_status_changed", payload))
        .isEqualTo(QueueItemStatusChanged.builder()
            .name("queue_item_status_changed")
            .raw(payload)
            .item(QueueItemId.of(23))
            .batchId(BatchId.of("97d2b4bf-90d1-454a-ab41-f7b2757199d4"))
            .status(QueueItemStatus.FAILED)
            .statusText("failed")
            .sessionId("b8266940-b149-42cb-a4e2-6577390e22e7")
            .errorType("ImageRecordNotFoundException")
            .errorMessage("Image record not found")
            .errorTraceback(payload.get("error_traceback").textValue())
            .startedAt(Instant.parse("2026-11-28T23:10:51.222Z"))
            .completedAt(Instant.parse("2026-11-28T23:10:51.775Z"))
            .batchCounts(counts(0, 0, 0, 1, 1))
            .build());
    assertThat(payload.get("error_traceback").textValue()).startsWith("Traceback (most recent call last)");
  }

  @Test
  void mapsInvocationStartedWithSourceAndPreparedIds() {
    assertThat(mapFixture("invocation_started", "invocation-started.json")).isEqualTo(
        InvocationStarted.builder()
            .name("invocation_started")
            .raw(json.nullNode())
            .item(QueueItemId.of(22))
            .batchId(BatchId.of("29b14532-a52a-44e2-9447-6192e1cc04ba"))
            .sessionId("96eeb598-dc98-4d5f-a9de-5eef54ea8af1")
            .sourceNodeId("cde9d231-c8a3-4e7b-9d7d-255f2b68beef")
            .preparedNodeId("64d621dd-4b8a-4e49-89cd-064fbefecc25")
            .nodeType("integer")
            .build());
  }

  @Test
  void mapsInvocationProgressWithoutPreview() {
    assertThat(mapFixture("invocation_progress", "invocation-progress.json")).isEqualTo(
        InvocationProgress.builder()
            .name("invocation_progress")
            .raw(json.nullNode())
            .item(QueueItemId.of(24))
            .batchId(BatchId.of("9287f3c4-a8dc-4ff5-95f7-02e3ca9896af"))
            .sessionId("da36ea99-6995-478a-b151-f10c8cb39e3f")
            .sourceNodeId("c3e4a892-d919-4ada-8fcf-a583e1df8af9")
            .preparedNodeId("63a8fdf3-662b-4091-acc3-ffbc4815a99c")
            .nodeType("blank_image")
            .message("Saving image")
            .build());
  }

  @Test
  void mapsInvocationProgressWithPercentageAndPreview() {
    // a denoising step as the schema (ProgressImage) describes it; no model-less node sends one
    ObjectNode payload = fixture("invocation-progress.json").deepCopy();
    payload.put("message", "Step 3/30").put("percentage", 0.1);
    payload.putObject("image").put("width", 64).put("height", 64).put("dataURL", "data:image/jpeg;base64,AAAA");
    assertThat(mapper.map("invocation_progress", payload))
        .isInstanceOfSatisfying(InvocationProgress.class, progress -> {
          assertThat(progress.message()).isEqualTo("Step 3/30");
          assertThat(progress.percentage()).contains(0.1);
          assertThat(progress.previewDataUrl()).contains("data:image/jpeg;base64,AAAA");
        });
  }

  @Test
  void mapsInvocationCompleteWithTheOutput() throws Exception {
    assertThat(mapFixture("invocation_complete", "invocation-complete.json")).isEqualTo(
        InvocationComplete.builder()
            .name("invocation_complete")
            .raw(json.nullNode())
            .item(QueueItemId.of(22))
            .batchId(BatchId.of("29b14532-a52a-44e2-9447-6192e1cc04ba"))
            .sessionId("96eeb598-dc98-4d5f-a9de-5eef54ea8af1")
            .sourceNodeId("924aecbe-4a53-483b-bf47-88955cdb7f4c")
            .preparedNodeId("f3d76bcc-4a43-48b3-9ee2-4de0dde520c0")
            .nodeType("add")
            .result(json.readTree("{\"output_meta\":null,\"type\":\"integer_output\",\"value\":5}"))
            .build());
  }

  @Test
  void mapsInvocationCompleteOfAnImageNode() {
    assertThat(mapFixture("invocation_complete", "invocation-complete-image.json"))
        .isInstanceOfSatisfying(InvocationComplete.class, complete -> {
          assertThat(complete.nodeType()).isEqualTo("save_image");
          assertThat(complete.result().path("image").path("image_name").asText())
              .isEqualTo("07759b2e-84be-4578-acd0-792255e514cb.png");
          assertThat(complete.result().path("width").asInt()).isEqualTo(256);
        });
  }

  @Test
  void mapsInvocationError() {
    JsonNode payload = fixture("invocation-error.json");
    assertThat(mapper.map("invocation_error", payload)).isEqualTo(
        InvocationError.builder()
            .name("invocation_error")
            .raw(payload)
            .item(QueueItemId.of(23))
            .batchId(BatchId.of("97d2b4bf-90d1-454a-ab41-f7b2757199d4"))
            .sessionId("b8266940-b149-42cb-a4e2-6577390e22e7")
            .sourceNodeId("b8a1abcd-1a69-46c7-8da4-f9fc3c6da5d7")
            .preparedNodeId("236ec3dc-ddda-46b7-8685-7f578da49395")
            .nodeType("image")
            .errorType("ImageRecordNotFoundException")
            .errorMessage("Image record not found")
            .errorTraceback(payload.get("error_traceback").textValue())
            .build());
  }

  @Test
  void mapsQueueCleared() {
    assertThat(mapFixture("queue_cleared", "queue-cleared.json")).isEqualTo(
        QueueCleared.builder().name("queue_cleared").raw(json.nullNode()).queueId("default").build());
  }

  @Test
  void mapsQueueItemsCanceled() {
    assertThat(mapFixture("queue_items_canceled", "queue-items-canceled.json")).isEqualTo(
        QueueItemsCanceled.builder()
            .name("queue_items_canceled")
            .raw(json.nullNode())
            .canceledItemIds(List.of(QueueItemId.of(31), QueueItemId.of(32), QueueItemId.of(33)))
            .build());
  }

  @Test
  void keepsTheRawPayload() {
    JsonNode payload = fixture("invocation-complete.json");
    assertThat(mapFixture("invocation_complete", "invocation-complete.json").raw()).isEqualTo(payload);
  }

  @Test
  void passesUnknownEventsOnAsOtherEvent() throws Exception {
    JSONObject payload = new JSONObject("{\"workflow_id\":\"w1\",\"user_id\":\"system\",\"is_public\":false}");
    InvokeEvent event = mapper.fromSocket("workflow_created", payload);
    assertThat(event).isEqualTo(OtherEvent.builder().name("workflow_created").raw(json.nullNode()).build());
    assertThat(event.raw()).isEqualTo(json.readTree(payload.toString()));
    assertThat(event.itemId()).isEmpty();
  }

  @Test
  void passesMalformedPayloadsOnAsOtherEvent() {
    ObjectNode noItem = fixture("invocation-started.json").deepCopy();
    noItem.remove("item_id");
    ObjectNode textItem = fixture("queue-item-status-changed-completed.json").deepCopy();
    textItem.put("item_id", "22");
    ObjectNode badTime = fixture("queue-item-status-changed-completed.json").deepCopy();
    badTime.put("completed_at", "yesterday");

    assertThat(mapper.map("invocation_started", noItem)).isInstanceOf(OtherEvent.class);
    assertThat(mapper.map("queue_item_status_changed", textItem)).isInstanceOf(OtherEvent.class);
    assertThat(mapper.map("queue_item_status_changed", badTime))
        .isEqualTo(OtherEvent.builder().name("queue_item_status_changed").raw(badTime).build());
    assertThat(mapper.fromSocket("invocation_complete", new JSONArray())).isInstanceOf(OtherEvent.class);
    assertThat(mapper.fromSocket("batch_enqueued")).isInstanceOf(OtherEvent.class);
    assertThat(mapper.fromSocket("queue_cleared", "just text").raw().asText()).isEqualTo("just text");
  }

  @Test
  void keepsAStatusThisVersionDoesNotKnow() {
    ObjectNode payload = fixture("queue-item-status-changed-completed.json").deepCopy();
    payload.put("status", "paused");
    assertThat(mapper.map("queue_item_status_changed", payload))
        .isInstanceOfSatisfying(QueueItemStatusChanged.class, changed -> {
          assertThat(changed.status()).isEqualTo(QueueItemStatus.UNKNOWN);
          assertThat(changed.statusText()).isEqualTo("paused");
        });
  }

  @Test
  void readsSqliteTimestampsAsUtc() {
    assertThat(EventMapper.sqliteInstant("2026-11-28 23:10:51.775")).isEqualTo(Instant.parse("2026-11-28T23:10:51.775Z"));
    assertThat(EventMapper.sqliteInstant("2026-11-28 23:10:51")).isEqualTo(Instant.parse("2026-11-28T23:10:51Z"));
    assertThat(EventMapper.sqliteInstant("2026-11-28T23:10:51.775+01:00")).isEqualTo(Instant.parse("2026-11-28T22:10:51.775Z"));
  }

  private static QueueCounts counts(int pending, int inProgress, int completed, int failed, int total) {
    return QueueCounts.builder().pending(pending).inProgress(inProgress).waiting(0)
        .completed(completed).failed(failed).canceled(0).total(total).build();
  }

  /** The fixture fed through the socket path: org.json object, then mapped. */
  @Test
  void mapsAModelInstallErrorWithTheServersReason() {
    assertThat(mapFixture("model_install_error", "model-install-error.json")).isEqualTo(
        ModelInstallEvent.builder()
            .name("model_install_error")
            .raw(json.nullNode())
            .kind(ModelInstallEvent.Kind.ERROR)
            .jobId(4)
            .source("/tmp/invoke4j-e2e-not-a-model.txt")
            .errorType("ValueError")
            .error("File extension .txt is not a recognized model format. Expected one of: .bin, .ckpt, .gguf,"
                + " .onnx, .pt, .pth, .safetensors")
            .build());
  }

  @Test
  void mapsDownloadProgressWithItsFraction() {
    ModelInstallEvent event = (ModelInstallEvent) mapFixture("model_install_download_progress",
        "model-install-download-progress.json");

    assertThat(event.kind()).isEqualTo(ModelInstallEvent.Kind.DOWNLOAD_PROGRESS);
    assertThat(event.source()).isEqualTo("stabilityai/sdxl-vae:fp16");
    assertThat(event.bytes()).contains(83886080L);
    assertThat(event.totalBytes()).contains(334643268L);
    assertThat(event.fraction()).hasValueSatisfying(f -> assertThat(f).isBetween(0.25, 0.26));
  }

  @Test
  void mapsAModelInstallCompletionWithTheKey() {
    ModelInstallEvent event = (ModelInstallEvent) mapFixture("model_install_complete", "model-install-complete.json");

    assertThat(event.kind()).isEqualTo(ModelInstallEvent.Kind.COMPLETE);
    assertThat(event.modelKey()).contains(ModelKey.of("0f2a7c44-2d1b-4a3e-9e51-6c8d9b0a1f23"));
  }

  @Test
  void mapsAModelLoadWithItsSubmodel() {
    ModelLoadEvent event = (ModelLoadEvent) mapFixture("model_load_complete", "model-load-complete.json");

    assertThat(event.complete()).isTrue();
    assertThat(event.model().name()).isEqualTo("Juggernaut XL v9");
    assertThat(event.model().base()).isEqualTo("sdxl");
    assertThat(event.submodelType()).contains("unet");
  }

  @Test
  void cancelledInstallWithoutBytesAndAnUnknownInstallEventStayReadable() {
    InvokeEvent cancelled = mapper.map("model_install_cancelled", json.createObjectNode().put("id", 9)
        .put("source", "owner/repo"));
    InvokeEvent unknown = mapper.map("model_install_paused", json.createObjectNode().put("id", 9));

    assertThat(cancelled).isInstanceOfSatisfying(ModelInstallEvent.class, e -> {
      assertThat(e.kind()).isEqualTo(ModelInstallEvent.Kind.CANCELLED);
      assertThat(e.source()).isEqualTo("owner/repo");
      assertThat(e.fraction()).isEmpty();
    });
    assertThat(unknown).isInstanceOf(OtherEvent.class);
  }

  private InvokeEvent mapFixture(String name, String file) {
    try {
      return mapper.fromSocket(name, new JSONObject(text(file)));
    } catch (JSONException e) {
      throw new IllegalStateException(file, e);
    }
  }

  private JsonNode fixture(String file) {
    try {
      return json.readTree(text(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String file) {
    try (InputStream in = EventMapperTest.class.getResourceAsStream("fixtures/events/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
