package io.invoke4j.ports;

import static io.invoke4j.ports.ContractRequests.A;
import static io.invoke4j.ports.ContractRequests.DIV;
import static io.invoke4j.ports.ContractRequests.SAVE;
import static io.invoke4j.ports.ContractRequests.SUM;
import static io.invoke4j.ports.ContractRequests.datum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.invoke4j.domain.EnqueueProblem;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.queue.BatchData;
import io.invoke4j.domain.queue.BatchFieldValue;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.BatchStatus;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.NodeError;
import io.invoke4j.domain.queue.NodeOutput;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link QueueGateway} shares with InvokeAI 6.14's session queue. Extend it
 * with the gateways of the implementation under test; each test removes the batches and images it
 * made, and never clears the queue, so it can run on a server others use.
 *
 * <p>Tests look only at their own batches: a shared queue holds other items too.
 */
public abstract class QueueGatewayContract {
  /** What the test made. */
  protected final Created created = new Created();

  /** The queue under test. */
  protected abstract QueueGateway queue();

  /** The images of the same server (to read and delete what the queue produced). */
  protected abstract ImageGateway images();

  /** Called after each test's clean-up: close what the subclass opened. */
  protected void afterContract() {}

  /**
   * Runs {@code action} with the processor paused, so items it enqueues stay pending. The default
   * pauses and resumes through the port.
   */
  protected void holdingQueue(Runnable action) {
    queue().pauseProcessor();
    try {
      action.run();
    } finally {
      queue().resumeProcessor();
    }
  }

  @AfterEach
  final void removeCreated() {
    try {
      created.removeAll(this::queue, this::images, () -> {
        throw new IllegalStateException("no boards in the queue contract");
      }, () -> {
        throw new IllegalStateException("no workflows in the queue contract");
      });
    } finally {
      afterContract();
    }
  }

  private EnqueueResult enqueue(EnqueueRequest request) {
    EnqueueResult result = queue().enqueue(request);
    created.batch(result.batchId());
    return result;
  }

  private static List<Map<String, JsonNode>> fieldValues(List<QueueItem> items) {
    List<Map<String, JsonNode>> all = new ArrayList<>();
    for (QueueItem item : items) {
      all.add(item.fieldValues().stream().collect(Collectors.toMap(
          v -> v.nodePath() + "." + v.fieldName(), BatchFieldValue::value, (x, y) -> y,
          java.util.LinkedHashMap::new)));
    }
    return all;
  }

  private static JsonNode resultOf(QueueItem item, String sourceNode) {
    List<String> prepared = item.sourcePreparedMapping().get(sourceNode);
    assertThat(prepared).as("prepared ids of %s", sourceNode).isNotNull().hasSize(1);
    assertThat(item.preparedSourceMapping()).containsEntry(prepared.get(0), sourceNode);
    return item.results().get(prepared.get(0));
  }

  @Test
  public void enqueueReportsAscendingItemIdsOfOneBatch() {
    EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 2, 3));

    assertThat(result.enqueued()).isEqualTo(3);
    assertThat(result.requested()).isEqualTo(3);
    assertThat(result.itemIds()).hasSize(3).isSortedAccordingTo(Comparator.comparingLong(QueueItemId::value));
    assertThat(result.queueId()).isEqualTo("default");
    assertThat(queue().itemIdsOf(result.batchId())).isEqualTo(result.itemIds());
  }

  @Test
  public void enqueueKeepsTheBatchIdTheRequestCarries() {
    BatchId batch = BatchId.of("invoke4j-contract-" + java.util.UUID.randomUUID());
    EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 2, 1).withBatchId(batch));

    assertThat(result.batchId()).isEqualTo(batch);
    assertThat(queue().find(result.itemIds().get(0)).orElseThrow().batchId()).isEqualTo(batch);
  }

  @Test
  public void zipGroupAdvancesItsDatumsTogether() {
    BatchData data = BatchData.of(List.of(List.of(datum(A, "value", 1, 2, 3), datum(SUM, "b", 10, 20, 30))));
    EnqueueResult result = enqueue(ContractRequests.integerAdd(data, 1));

    assertThat(result.enqueued()).isEqualTo(3).isEqualTo(result.requested());
    List<QueueItem> items = queue().list(result.itemIds());
    assertThat(fieldValues(items)).containsExactly(
        Map.of("a.value", IntNode.valueOf(1), "sum.b", IntNode.valueOf(10)),
        Map.of("a.value", IntNode.valueOf(2), "sum.b", IntNode.valueOf(20)),
        Map.of("a.value", IntNode.valueOf(3), "sum.b", IntNode.valueOf(30)));
  }

  @Test
  public void productVariesTheLastGroupFastestAndRunsRepeatTheWholeProduct() {
    BatchData data = BatchData.of(List.of(List.of(datum(A, "value", 1, 2)), List.of(datum(SUM, "b", 10, 20, 30))));
    EnqueueResult result = enqueue(ContractRequests.integerAdd(data, 2));

    assertThat(result.requested()).isEqualTo(2 * 2 * 3);
    assertThat(result.enqueued()).isEqualTo(12);
    List<Map<String, JsonNode>> expected = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      for (int a : new int[] {1, 2}) {
        for (int b : new int[] {10, 20, 30}) {
          expected.add(Map.of("a.value", IntNode.valueOf(a), "sum.b", IntNode.valueOf(b)));
        }
      }
    }
    assertThat(fieldValues(queue().list(result.itemIds()))).isEqualTo(expected);
  }

  @Test
  public void batchWithoutDataHasNoFieldValues() {
    EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 1, 1));

    assertThat(queue().find(result.itemIds().get(0)).orElseThrow().fieldValues()).isEmpty();
  }

  @Test
  public void itemsCompleteWithTheirResultsByPreparedId() {
    BatchData data = BatchData.of(List.of(List.of(datum(A, "value", 2, 7))));
    EnqueueResult result = enqueue(ContractRequests.integerAdd(data, 1));

    List<QueueItem> items = Waiting.untilDone(queue(), result.batchId());

    assertThat(items).extracting(QueueItem::status).containsOnly(QueueItemStatus.COMPLETED);
    assertThat(items).extracting(i -> resultOf(i, SUM).path("value").asInt()).containsExactly(2 + 3, 7 + 3);
    assertThat(resultOf(items.get(0), SUM).path("type").asText()).isEqualTo("integer_output");
    assertThat(items.get(0).sessionId()).isPresent();
    assertThat(items.get(0).startedAt()).isPresent();
    assertThat(items.get(0).completedAt()).isPresent();
    assertThat(items.get(0).graph().at("/nodes/sum/b").asInt()).isEqualTo(3);
    assertThat(items.get(1).graph().at("/nodes/a/value").asInt()).isEqualTo(7);
  }

  @Test
  public void workflowRequestRunsAsTheGuiWouldSendIt() {
    EnqueueResult result = enqueue(EnqueueRequest.forWorkflow(ContractRequests.addWorkflow().json()).runs(2).build());

    List<QueueItem> items = Waiting.untilDone(queue(), result.batchId());

    assertThat(items).hasSize(2).extracting(QueueItem::status).containsOnly(QueueItemStatus.COMPLETED);
    assertThat(items.get(0).workflow()).isPresent();
    assertThat(items.get(0).results().values()).extracting(r -> r.path("value").asInt()).contains(9);
  }

  @Test
  public void imageOutputsMapToTheSavedImage() {
    EnqueueResult result = enqueue(ContractRequests.blankSave(8, 6, Optional.empty()));

    QueueItem item = Waiting.untilDone(queue(), result.itemIds().get(0));

    assertThat(item.status()).isEqualTo(QueueItemStatus.COMPLETED);
    List<NodeOutput> outputs = OutputMapper.map(item);
    assertThat(outputs).singleElement().satisfies(output -> {
      assertThat(output.nodeId()).isEqualTo(SAVE);
      assertThat(output.nodeType()).isEqualTo("save_image");
      assertThat(output.tier()).isEqualTo(Tier.RESULTS);
      assertThat(output.imageNames()).hasSize(1);
    });
    ImageInfo saved = images().find(outputs.get(0).imageNames().get(0)).orElseThrow();
    assertThat(saved.width()).isEqualTo(8);
    assertThat(saved.height()).isEqualTo(6);
    assertThat(saved.intermediate()).isFalse();
    assertThat(saved.boardId()).isEmpty();
    assertThat(saved.sessionId()).isEqualTo(item.sessionId());
  }

  @Test
  public void failingNodeFailsTheItemWithItsError() {
    EnqueueResult result = enqueue(ContractRequests.divideByZero());

    QueueItem item = Waiting.untilDone(queue(), result.itemIds().get(0));

    assertThat(item.status()).isEqualTo(QueueItemStatus.FAILED);
    assertThat(item.errorType()).contains("ZeroDivisionError");
    assertThat(item.errorMessage()).contains("division by zero");
    assertThat(OutputMapper.errors(item)).singleElement().satisfies(error -> {
      assertThat(error.nodeId()).isEqualTo(DIV);
      assertThat(error.message()).startsWith("ZeroDivisionError");
    });
    assertThat(OutputMapper.errors(item)).extracting(NodeError::preparedId).doesNotContain(DIV);
  }

  @Test
  public void findOfAnUnknownIdIsEmpty() {
    assertThat(queue().find(QueueItemId.of(Integer.MAX_VALUE - 7L))).isEmpty();
  }

  @Test
  public void listKeepsTheAskedOrderAndSkipsUnknownIds() {
    EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 2, 2));
    QueueItemId first = result.itemIds().get(0);
    QueueItemId second = result.itemIds().get(1);

    List<QueueItem> items = queue().list(List.of(second, QueueItemId.of(Integer.MAX_VALUE - 7L), first));

    assertThat(items).extracting(QueueItem::itemId).containsExactly(second, first);
  }

  @Test
  public void listOfNoIdsIsEmpty() {
    assertThat(queue().list(List.of())).isEmpty();
  }

  @Test
  public void listAllHoldsTheNewItemsOldestFirst() {
    EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 2, 2));

    List<QueueItemId> all = queue().listAll().stream().map(QueueItem::itemId).collect(Collectors.toList());

    assertThat(all).containsSubsequence(result.itemIds());
  }

  @Test
  public void cancelOfAPendingItemCancelsIt() {
    holdingQueue(() -> {
      EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 2, 2));
      QueueItemId last = result.itemIds().get(1);

      QueueItem canceled = queue().cancel(last);

      assertThat(canceled.status()).isEqualTo(QueueItemStatus.CANCELED);
      assertThat(canceled.statusText()).isEqualTo("canceled");
      assertThat(canceled.completedAt()).isPresent();
      assertThat(canceled.startedAt()).isEmpty();
      assertThat(queue().find(result.itemIds().get(0)).orElseThrow().status()).isEqualTo(QueueItemStatus.PENDING);
      BatchStatus status = queue().batchStatus(result.batchId());
      assertThat(status.counts().canceled()).isEqualTo(1);
      assertThat(status.counts().pending()).isEqualTo(1);
      assertThat(status.counts().total()).isEqualTo(2);
    });
  }

  @Test
  public void cancelOfACompletedItemLeavesItCompleted() {
    EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 2, 1));
    QueueItem done = Waiting.untilDone(queue(), result.itemIds().get(0));

    QueueItem after = queue().cancel(done.itemId());

    assertThat(after.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(after.completedAt()).isEqualTo(done.completedAt());
  }

  @Test
  public void cancelOfAnUnknownItemIs404() {
    assertThatThrownBy(() -> queue().cancel(QueueItemId.of(Integer.MAX_VALUE - 7L)))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  public void cancelBatchesCancelsEveryUnfinishedItem() {
    holdingQueue(() -> {
      EnqueueResult one = enqueue(ContractRequests.integerAdd(1, 2, 3));
      EnqueueResult two = enqueue(ContractRequests.integerAdd(1, 2, 2));

      int canceled = queue().cancelBatches(List.of(one.batchId(), two.batchId()));

      assertThat(canceled).isEqualTo(5);
      assertThat(queue().batchStatus(one.batchId()).counts().canceled()).isEqualTo(3);
      assertThat(queue().list(two.itemIds())).extracting(QueueItem::status).containsOnly(QueueItemStatus.CANCELED);
    });
  }

  @Test
  public void cancelBatchesOfAnUnknownBatchCancelsNothing() {
    assertThat(queue().cancelBatches(List.of(BatchId.of("invoke4j-no-such-batch")))).isZero();
  }

  @Test
  public void batchStatusCountsTheBatchItems() {
    EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 2, 3));
    Waiting.untilDone(queue(), result.batchId());

    BatchStatus status = queue().batchStatus(result.batchId());

    assertThat(status.batchId()).isEqualTo(result.batchId());
    assertThat(status.origin()).contains("invoke4j-contract");
    assertThat(status.destination()).contains("invoke4j-contract");
    assertThat(status.counts().completed()).isEqualTo(3);
    assertThat(status.counts().total()).isEqualTo(3);
    assertThat(status.counts().unfinished()).isZero();
    assertThat(status.isDone()).isTrue();
  }

  @Test
  public void batchStatusOfAnUnknownBatchIsAllZero() {
    BatchStatus status = queue().batchStatus(BatchId.of("invoke4j-no-such-batch"));

    assertThat(status.counts().total()).isZero();
    assertThat(status.counts().pending()).isZero();
    assertThat(status.origin()).isEmpty();
  }

  @Test
  public void itemIdsOfAnUnknownBatchIsEmpty() {
    assertThat(queue().itemIdsOf(BatchId.of("invoke4j-no-such-batch"))).isEmpty();
  }

  @Test
  public void statusShowsThePausedProcessorAndPendingItems() {
    holdingQueue(() -> {
      enqueue(ContractRequests.integerAdd(1, 2, 2));

      assertThat(queue().status().processorStarted()).isFalse();
      assertThat(queue().status().counts().pending()).isGreaterThanOrEqualTo(2);
    });
    assertThat(queue().status().processorStarted()).isTrue();
  }

  @Test
  public void nextIsThePendingItemTheProcessorTakesNext() {
    holdingQueue(() -> {
      EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 2, 2));
      List<QueueItemId> pending = queue().itemIdsWith(QueueItemStatus.PENDING);

      // a shared queue may hold older pending items: next is the oldest of all
      assertThat(queue().next()).hasValueSatisfying(next -> {
        assertThat(next.status()).isEqualTo(QueueItemStatus.PENDING);
        assertThat(next.itemId()).isEqualTo(pending.get(0));
      });
      assertThat(pending).containsAll(result.itemIds());
    });
  }

  @Test
  public void pruneDeletesTerminalItemsOnly() {
    holdingQueue(() -> {
      EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 2, 2));
      queue().cancel(result.itemIds().get(0));

      int deleted = queue().prune();

      assertThat(deleted).isGreaterThanOrEqualTo(1);
      assertThat(queue().find(result.itemIds().get(0))).isEmpty();
      assertThat(queue().find(result.itemIds().get(1))).map(QueueItem::status).contains(QueueItemStatus.PENDING);
    });
  }

  @Test
  public void retryCopiesFailedItemsAndReturnsTheOriginals() {
    EnqueueResult failing = enqueue(ContractRequests.divideByZero());
    EnqueueResult fine = enqueue(ContractRequests.integerAdd(1, 2, 1));
    QueueItemId failed = Waiting.untilDone(queue(), failing.itemIds().get(0)).itemId();
    QueueItemId completed = Waiting.untilDone(queue(), fine.itemIds().get(0)).itemId();

    List<QueueItemId> retried = queue().retry(List.of(failed, completed));

    assertThat(retried).containsExactly(failed);
    List<QueueItemId> ids = queue().itemIdsOf(failing.batchId());
    assertThat(ids).hasSize(2).startsWith(failed);
    assertThat(ids.get(1).value()).isGreaterThan(failed.value());
    assertThat(queue().itemIdsOf(fine.batchId())).containsExactly(completed);
  }

  @Test
  public void deleteRemovesTheItem() {
    EnqueueResult result = enqueue(ContractRequests.integerAdd(1, 2, 1));
    Waiting.untilDone(queue(), result.batchId());

    queue().delete(result.itemIds().get(0));

    assertThat(queue().find(result.itemIds().get(0))).isEmpty();
    assertThat(queue().itemIdsOf(result.batchId())).isEmpty();
  }

  @Test
  public void deleteOfAnUnknownItemIs404() {
    assertThatThrownBy(() -> queue().delete(QueueItemId.of(Integer.MAX_VALUE - 7L)))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  public void unknownNodeTypeIsRejectedNamingTheNode() {
    assertThatThrownBy(() -> enqueue(ContractRequests.unknownNodeType("mystery")))
        .isInstanceOfSatisfying(EnqueueRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.loc()).containsExactly("body", "batch", "graph", "nodes", "mystery");
            assertThat(problem.type()).isEqualTo("union_tag_invalid");
            assertThat(problem.message()).contains("invoke4j_no_such_node");
            assertThat(problem.nodeId()).contains("mystery");
          });
        });
  }

  @Test
  public void wronglyTypedFieldIsRejectedAtItsLocation() {
    assertThatThrownBy(() -> enqueue(ContractRequests.integerWithText("n1")))
        .isInstanceOfSatisfying(EnqueueRejectedException.class, e -> assertThat(e.problems())
            .extracting(EnqueueProblem::loc, EnqueueProblem::type, EnqueueProblem::nodeId, EnqueueProblem::field)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(
                List.of("body", "batch", "graph", "nodes", "n1", "integer", "value"), "int_parsing",
                Optional.of("n1"), Optional.of("value"))));
  }
}
