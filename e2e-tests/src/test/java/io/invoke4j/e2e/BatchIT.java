package io.invoke4j.e2e;

import static io.invoke4j.e2e.HandWrittenGraphs.datum;
import static io.invoke4j.e2e.HandWrittenGraphs.enqueueBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs and batch data multiply into queue items, and every item really runs. */
class BatchIT {

  private final InvokeAiServer server = InvokeAiServer.fromEnvironment();
  private final List<String> batches = new ArrayList<>();
  private final List<Integer> items = new ArrayList<>();
  private final List<String> images = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    if (!batches.isEmpty()) {
      server.cancelBatches(batches);
    }
    if (!images.isEmpty()) {
      server.deleteImages(images);
    }
    server.deleteQueueItems(items);
  }

  @Test
  void threeRunsGiveThreeCompletedItemsEachWithItsOwnImage() {
    JsonNode graph = HandWrittenGraphs.integerAddAndBlurredImage();

    InvokeAiServer.EnqueueResult result = enqueue(enqueueBody(graph, 3));

    assertThat(result.enqueued()).isEqualTo(3);
    assertThat(result.itemIds()).hasSize(3);
    List<JsonNode> done = finished(result);
    assertThat(done).extracting(item -> item.path("status").asText())
        .containsOnly("completed");
    assertThat(done).extracting(item -> QueueItems.output(item, "sum").path("value").asInt())
        .containsOnly(5);
    List<String> saved = done.stream()
        .map(item -> QueueItems.output(item, "save").path("image").path("image_name").asText())
        .toList();
    assertThat(saved).doesNotHaveDuplicates();
    byte[] png = server.downloadImage(saved.get(0));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(server.itemsOfBatch(result.batchId()))
        .extracting(item -> item.path("item_id").asInt())
        .containsExactlyElementsOf(result.itemIds());
  }

  @Test
  void zippedAndMultipliedDataGiveOneItemPerCombination() {
    JsonNode graph = HandWrittenGraphs.twoSums();

    // (x, y.b) advance together: (1,10), (2,20); z multiplies them: 2 x 3 = 6 items.
    InvokeAiServer.EnqueueResult result = enqueue(enqueueBody(graph, 1,
        new JsonNode[] {datum("x", "value", 1, 2), datum("y", "b", 10, 20)},
        new JsonNode[] {datum("z", "value", 5, 6, 7)}));

    assertThat(result.requested()).isEqualTo(6);
    assertThat(result.enqueued()).isEqualTo(6);
    List<JsonNode> done = finished(result);
    assertThat(done).extracting(item -> item.path("status").asText()).containsOnly("completed");
    assertThat(done).extracting(BatchIT::fieldValues, BatchIT::sums).containsExactlyInAnyOrder(
        combination(1, 10, 5), combination(1, 10, 6), combination(1, 10, 7),
        combination(2, 20, 5), combination(2, 20, 6), combination(2, 20, 7));
  }

  private InvokeAiServer.EnqueueResult enqueue(JsonNode body) {
    InvokeAiServer.EnqueueResult result = server.enqueue(body);
    batches.add(result.batchId());
    items.addAll(result.itemIds());
    return result;
  }

  private List<JsonNode> finished(InvokeAiServer.EnqueueResult result) {
    List<JsonNode> done = server.awaitTerminal(result.itemIds(), InvokeAiServer.itemTimeout());
    done.forEach(item -> images.addAll(QueueItems.imageNames(item)));
    return done;
  }

  /** The item's {@code field_values} as "node.field" to value, whatever order the server chose. */
  private static Map<String, Integer> fieldValues(JsonNode item) {
    Map<String, Integer> values = new TreeMap<>();
    item.path("field_values").forEach(v ->
        values.put(v.path("node_path").asText() + "." + v.path("field_name").asText(),
            v.path("value").asInt()));
    return values;
  }

  private static List<Integer> sums(JsonNode item) {
    return List.of(QueueItems.output(item, "y").path("value").asInt(),
        QueueItems.output(item, "w").path("value").asInt());
  }

  private static Tuple combination(int x, int yb, int z) {
    return tuple(Map.of("x.value", x, "y.b", yb, "z.value", z), List.of(x + yb, x + yb + z));
  }
}
