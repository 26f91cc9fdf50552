package io.invoke4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchDatum;
import io.invoke4j.domain.queue.BatchFieldValue;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.NodeOutput;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.Sweep;
import io.invoke4j.domain.queue.Tier;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs and sweeps built by invoke4j's {@link EnqueueRequest} multiply into exactly the queue items
 * it expects, and every item runs with its own values.
 */
class BatchIT {

  private final InvokeAiServer server = InvokeAiServer.fromEnvironment();
  private final CreatedOnServer created = new CreatedOnServer(server);

  @AfterEach
  void cleanUp() {
    created.cleanUp();
  }

  @Test
  void threeRunsGiveThreeCompletedItemsEachWithItsOwnImageOnTheAutoAddBoard() {
    BoardId board = created.board(server.boards().create("invoke4j-e2e runs"));
    // small images keep it quick; the board input stays "auto", so the auto-add board applies
    WorkflowDefinition workflow = smallBlankBlurSave();
    EnqueueRequest request = EnqueueRequest.forWorkflow(workflow.json())
        .runs(3).autoAddBoard(board.value()).origin("invoke4j-e2e").destination("invoke4j-e2e").build();

    EnqueueResult result = enqueue(request);

    assertThat(request.expectedSessions()).isEqualTo(3);
    assertThat(result.enqueued()).isEqualTo(3);
    assertThat(server.itemsOfBatch(result.batchId()))
        .extracting(QueueItem::itemId)
        .containsExactlyElementsOf(result.itemIds());
    List<QueueItem> done = finished(result);
    assertThat(done).extracting(QueueItem::status).containsOnly(QueueItemStatus.COMPLETED);
    List<NodeOutput> outputs = done.stream().map(OutputMapper::map).flatMap(List::stream).toList();
    assertThat(outputs).hasSize(3).allSatisfy(output -> {
      assertThat(output.nodeId()).isEqualTo(workflow.input(6).nodeId());
      assertThat(output.tier()).isEqualTo(Tier.RESULTS);
      assertThat(output.boardId()).contains(board);
      assertThat(output.imageNames()).hasSize(1);
    });
    List<ImageName> saved = outputs.stream().map(output -> output.imageNames().get(0)).toList();
    assertThat(saved).doesNotHaveDuplicates();
    // as in the GUI (buildNodesGraph.ts), every board input left empty takes the auto-add board, so
    // the intermediate blank/blur/resize images land on it too: 3 x 4 images
    assertThat(server.boards().imageNames(board)).containsAll(saved).hasSize(12);
    assertThat(Pixels.decode(server.images().download(saved.get(0))).getWidth()).isEqualTo(24);
  }

  @Test
  void zippedSweepTimesAProductGivesOneItemPerCombination() {
    WorkflowDefinition workflow = smallBlankBlurSave();
    String blur = workflow.input(3).nodeId();
    String resize = workflow.input(4).nodeId();
    String save = workflow.input(6).nodeId();
    // (width, height) advance together: 2 pairs; the blur radius multiplies them: 2 x 3 = 6
    Sweep sweep = Sweep.product(
        Sweep.zip(BatchDatum.of(resize, "width", List.of(32, 48)),
            BatchDatum.of(resize, "height", List.of(24, 36))),
        Sweep.of(blur, "radius", 0.0, 1.5, 3.0));
    EnqueueRequest request = EnqueueRequest.forWorkflow(workflow.json()).sweep(sweep)
        .origin("invoke4j-e2e").destination("invoke4j-e2e").build();

    EnqueueResult result = enqueue(request);

    assertThat(request.expectedSessions()).isEqualTo(6);
    assertThat(result.requested()).isEqualTo(6);
    assertThat(result.enqueued()).isEqualTo(6);
    List<QueueItem> done = finished(result);
    assertThat(done).extracting(QueueItem::status).containsOnly(QueueItemStatus.COMPLETED);
    assertThat(done)
        .extracting(BatchIT::fieldValues, item -> size(QueueItems.output(item, save)))
        .containsExactlyInAnyOrder(
            resized(resize, blur, 32, 24, 0.0), resized(resize, blur, 32, 24, 1.5),
            resized(resize, blur, 32, 24, 3.0), resized(resize, blur, 48, 36, 0.0),
            resized(resize, blur, 48, 36, 1.5), resized(resize, blur, 48, 36, 3.0));
  }

  @Test
  void productSweepOnIntegerAddGivesEverySum() {
    WorkflowDefinition workflow = ExampleWorkflowsIT.example("integer-add.json");
    String a = workflow.input(0).nodeId();
    String add = workflow.input(1).nodeId();
    EnqueueRequest request = EnqueueRequest.forWorkflow(workflow.json())
        .sweep(Sweep.product(Sweep.of(a, "value", 1, 2, 3), Sweep.of(add, "b", 10, 20)))
        .origin("invoke4j-e2e").destination("invoke4j-e2e").build();

    EnqueueResult result = enqueue(request);

    assertThat(result.itemIds()).hasSize(request.expectedSessions()).hasSize(6);
    List<QueueItem> done = finished(result);
    assertThat(done).extracting(QueueItem::status).containsOnly(QueueItemStatus.COMPLETED);
    List<Tuple> expected = new ArrayList<>();
    for (int x : List.of(1, 2, 3)) {
      for (int b : List.of(10, 20)) {
        expected.add(tuple(Map.of(a + ".value", (Object) x, add + ".b", b), x + b));
      }
    }
    assertThat(done)
        .extracting(BatchIT::fieldValues, item -> QueueItems.output(item, add).path("value").asInt())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /** blank-blur-save at 32x24 resized to 24x18, so a run takes well under a second on a CPU. */
  private static WorkflowDefinition smallBlankBlurSave() {
    return ExampleWorkflowsIT.example("blank-blur-save.json")
        .withValue(0, 32).withValue(1, 24).withValue(4, 24).withValue(5, 18);
  }

  private EnqueueResult enqueue(EnqueueRequest request) {
    return created.enqueued(server.queue().enqueue(request));
  }

  private List<QueueItem> finished(EnqueueResult result) {
    List<QueueItem> done = server.awaitFinished(result.itemIds());
    done.forEach(created::imagesOf);
    return done;
  }

  /** The item's {@code field_values} as "node.field" to value, whatever order the server chose. */
  private static Map<String, Object> fieldValues(QueueItem item) {
    Map<String, Object> values = new TreeMap<>();
    for (BatchFieldValue v : item.fieldValues()) {
      JsonNode value = v.value();
      values.put(v.nodePath() + "." + v.fieldName(),
          value.isIntegralNumber() ? (Object) value.asInt() : (Object) value.asDouble());
    }
    return values;
  }

  private static List<Integer> size(JsonNode imageOutput) {
    return List.of(imageOutput.path("width").asInt(), imageOutput.path("height").asInt());
  }

  private static Tuple resized(String resize, String blur, int width, int height, double radius) {
    return tuple(Map.of(resize + ".width", (Object) width, resize + ".height", height,
        blur + ".radius", radius), List.of(width, height));
  }
}
