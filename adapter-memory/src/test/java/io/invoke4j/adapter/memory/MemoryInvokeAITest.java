package io.invoke4j.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.EnqueueProblem;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchData;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.Graph;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.ports.ContractRequests;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.TestImages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryInvokeAITest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private final MemoryInvokeAI invoke = MemoryInvokeAI.builder()
      .clock(Clock.fixed(T0, ZoneOffset.UTC)).manualProcessing().build();

  @AfterEach
  void close() {
    invoke.close();
  }

  private QueueItem runOne(EnqueueRequest request) {
    QueueItemId id = invoke.queue().enqueue(request).itemIds().get(0);
    invoke.runPending();
    return invoke.queue().find(id).orElseThrow();
  }

  @Test
  void manualModeRunsNothingUntilAsked() {
    QueueItemId id = invoke.queue().enqueue(ContractRequests.integerAdd(1, 2, 2)).itemIds().get(0);

    assertThat(invoke.queue().find(id).orElseThrow().status()).isEqualTo(QueueItemStatus.PENDING);
    assertThat(invoke.runNext()).isTrue();
    assertThat(invoke.queue().find(id).orElseThrow().status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(invoke.runPending()).isEqualTo(1);
    assertThat(invoke.runNext()).isFalse();
  }

  @Test
  void timestampsComeFromTheClock() {
    QueueItem item = runOne(ContractRequests.integerAdd(1, 2, 1));

    assertThat(item.createdAt()).contains(T0);
    assertThat(item.startedAt()).contains(T0);
    assertThat(item.completedAt()).contains(T0);
  }

  @Test
  void injectedFailureFailsTheNodeByTypeOrId() {
    invoke.failNode("add", "OutOfMemoryError", "CUDA out of memory");

    QueueItem item = runOne(ContractRequests.integerAdd(1, 2, 1));

    assertThat(item.status()).isEqualTo(QueueItemStatus.FAILED);
    assertThat(item.errorType()).contains("OutOfMemoryError");
    assertThat(OutputMapper.errors(item)).singleElement()
        .satisfies(e -> assertThat(e.nodeId()).isEqualTo(ContractRequests.SUM));
    invoke.resetInjections();
    assertThat(runOne(ContractRequests.integerAdd(1, 2, 1)).status()).isEqualTo(QueueItemStatus.COMPLETED);
  }

  @Test
  void delayedNodeTakesItsTime() {
    invoke.delayNode(ContractRequests.A, Duration.ofMillis(150));
    long start = System.nanoTime();

    runOne(ContractRequests.integerAdd(1, 2, 1));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void droppedStreamLosesEventsUntilReconnected() {
    List<InvokeEvent> events = new CopyOnWriteArrayList<>();
    List<String> connection = new CopyOnWriteArrayList<>();
    invoke.events().subscribe(new EventStream.Listener() {
      @Override
      public void onEvent(InvokeEvent event) {
        events.add(event);
      }

      @Override
      public void onConnected() {
        connection.add("connected");
      }

      @Override
      public void onDisconnected(String reason) {
        connection.add("disconnected: " + reason);
      }
    });

    invoke.dropEventStream("ping timeout");
    runOne(ContractRequests.integerAdd(1, 2, 1));
    assertThat(events).isEmpty();
    assertThat(invoke.events().isConnected()).isFalse();

    invoke.reconnectEventStream();
    runOne(ContractRequests.integerAdd(1, 2, 1));

    assertThat(connection).containsExactly("connected", "disconnected: ping timeout", "connected");
    assertThat(events).isNotEmpty();
  }

  @Test
  void blankImageIsSavedWithItsColourAndBoard() {
    var board = invoke.boards().create("b");
    QueueItem item = runOne(ContractRequests.blankSave(3, 2, Optional.of(board.id())));

    ImageName saved = OutputMapper.map(item).get(0).imageNames().get(0);

    assertThat(invoke.images().find(saved).orElseThrow().boardId()).contains(board.id());
    assertThat(TestImages.rgbPixels(invoke.images().download(saved))).containsOnly(10 << 16 | 20 << 8 | 30);
    assertThat(invoke.boards().imageNames(board.id())).containsExactly(saved);
  }

  @Test
  void cropPasteAndBlurRunForReal() {
    ObjectNode nodes = JsonNodeFactory.instance.objectNode();
    nodes.putObject("base").put("id", "base").put("type", "blank_image").put("width", 4).put("height", 4)
        .putObject("color").put("r", 0).put("g", 0).put("b", 0).put("a", 255);
    nodes.putObject("top").put("id", "top").put("type", "blank_image").put("width", 2).put("height", 2)
        .putObject("color").put("r", 255).put("g", 255).put("b", 255).put("a", 255);
    nodes.putObject("paste").put("id", "paste").put("type", "img_paste").put("x", 1).put("y", 1).put("crop", true);
    nodes.putObject("crop").put("id", "crop").put("type", "img_crop").put("x", 1).put("y", 1).put("width", 2)
        .put("height", 2);
    nodes.putObject("blur").put("id", "blur").put("type", "img_blur").put("radius", 1).put("blur_type", "box");
    var edges = JsonNodeFactory.instance.arrayNode();
    edges.add(edge("base", "image", "paste", "base_image"));
    edges.add(edge("top", "image", "paste", "image"));
    edges.add(edge("paste", "image", "crop", "image"));
    edges.add(edge("paste", "image", "blur", "image"));
    QueueItem item = runOne(EnqueueRequest.builder().graph(Graph.of("g", nodes, edges)).build());

    assertThat(item.status()).isEqualTo(QueueItemStatus.COMPLETED);
    int[] cropped = TestImages.rgbPixels(invoke.images().download(imageOf(item, "crop")));
    assertThat(cropped).containsOnly(0xffffff);
    int[] blurred = TestImages.rgbPixels(invoke.images().download(imageOf(item, "blur")));
    assertThat(blurred[0]).isNotEqualTo(0xffffff).isNotEqualTo(0);
  }

  @Test
  void modelNodesFailAsOnAServerWithoutModels() {
    ObjectNode nodes = JsonNodeFactory.instance.objectNode();
    nodes.putObject("m").put("id", "m").put("type", "main_model_loader").putObject("model").put("key", "k1")
        .put("hash", "h").put("name", "n").put("base", "sd-1").put("type", "main");

    QueueItem item = runOne(EnqueueRequest.builder().graph(Graph.of("g", nodes, JsonNodeFactory.instance.arrayNode())).build());

    assertThat(item.status()).isEqualTo(QueueItemStatus.FAILED);
    assertThat(item.errorType()).contains("Exception");
    assertThat(item.errorMessage()).contains("Unknown model k1");
  }

  @Test
  void booleanBatchItemsAreStoredAsFloatsLikeTheServer() {
    BatchData data = BatchData.of(List.of(List.of(ContractRequests.datum(ContractRequests.SUM, "use_cache", false))));

    QueueItemId id = invoke.queue().enqueue(ContractRequests.integerAdd(data, 1)).itemIds().get(0);

    assertThat(invoke.queue().find(id).orElseThrow().fieldValues().get(0).value().asDouble()).isEqualTo(0.0);
  }

  @Test
  void everyWronglyTypedFieldIsReported() {
    ObjectNode nodes = JsonNodeFactory.instance.objectNode();
    nodes.putObject("f").put("id", "f").put("type", "float").put("value", "x");
    nodes.putObject("b").put("id", "b").put("type", "boolean").put("value", "maybe");
    nodes.putObject("i").put("id", "i").put("type", "integer").put("value", 2.5);
    nodes.putObject("s").put("id", "s").put("type", "string").put("value", true);
    nodes.putObject("ok").put("id", "ok").put("type", "integer").put("value", "7");

    assertThatThrownBy(() -> invoke.queue().enqueue(EnqueueRequest.builder()
        .graph(Graph.of("g", nodes, JsonNodeFactory.instance.arrayNode())).build()))
        .isInstanceOfSatisfying(EnqueueRejectedException.class, e -> assertThat(e.problems())
            .extracting(EnqueueProblem::type)
            .containsExactly("float_parsing", "bool_parsing", "int_from_float", "string_type"));
    assertThat(invoke.queue().listAll()).isEmpty();
  }

  private static ImageName imageOf(QueueItem item, String node) {
    return ImageName.of(item.results().get(item.sourcePreparedMapping().get(node).get(0)).at("/image/image_name").asText());
  }

  private static ObjectNode edge(String from, String fromField, String to, String toField) {
    ObjectNode edge = JsonNodeFactory.instance.objectNode();
    edge.putObject("source").put("node_id", from).put("field", fromField);
    edge.putObject("destination").put("node_id", to).put("field", toField);
    return edge;
  }
}
