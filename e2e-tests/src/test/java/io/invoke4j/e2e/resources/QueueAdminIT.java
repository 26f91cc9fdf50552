package io.invoke4j.e2e.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.JobHandle;
import io.invoke4j.app.usecase.QueueRepository;
import io.invoke4j.app.usecase.QueueWedgedException;
import io.invoke4j.domain.queue.BatchData;
import io.invoke4j.domain.queue.BatchDatum;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.Graph;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.ports.ContractRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Queue administration through {@code client.queue()}: pause, cancel, prune, retry, job handles and
 * the 6.14 wedge. Runs on the multiuser server as its admin, not on the shared single-user one:
 * prune and a wedged queue would reach other runs' items there.
 */
class QueueAdminIT {
  private final InvokeAIClient client = Servers.multiuserAdmin();
  private final QueueRepository queue = client.queue();
  private final List<BatchId> batches = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    try {
      if (!batches.isEmpty()) {
        queue.cancelBatches(batches);
        queue.prune();
      }
    } finally {
      client.close();
    }
  }

  private EnqueueResult enqueue(EnqueueRequest request) {
    EnqueueResult result = queue.enqueue(request);
    batches.add(result.batchId());
    return result;
  }

  @Test
  void pausedProcessorRunsNothingUntilResumed() throws InterruptedException {
    EnqueueResult result;
    queue.pauseProcessor();
    try {
      result = enqueue(ContractRequests.integerAdd(2, 3, 1));
      Thread.sleep(1500);

      JobHandle job = queue.jobHandle(result.itemIds().get(0));
      assertThat(job.isPending()).isTrue();
      assertThat(queue.status().processorStarted()).isFalse();
      assertThat(queue.checkWedged()).as("a paused queue is not wedged").isEmpty();
      assertThat(queue.next()).isPresent();
    } finally {
      queue.resumeProcessor();
    }
    JobHandle job = queue.jobHandle(result.itemIds().get(0));
    assertThat(job.waitUntilDone(Servers.TIMEOUT).status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(job.isCompleted()).isTrue();
  }

  @Test
  void cancelBatchAndPrune() {
    EnqueueResult result;
    queue.pauseProcessor();
    try {
      result = enqueue(ContractRequests.integerAdd(1, 1, 3));
      assertThat(queue.cancelBatches(List.of(result.batchId()))).isEqualTo(3);
    } finally {
      queue.resumeProcessor();
    }
    assertThat(queue.list(result.itemIds())).extracting(i -> i.status()).containsOnly(QueueItemStatus.CANCELED);
    assertThat(queue.prune()).isGreaterThanOrEqualTo(3);
    assertThat(queue.list(result.itemIds())).isEmpty();
  }

  @Test
  void retryOfAFailedItemMakesAPendingCopy() {
    EnqueueResult failing = enqueue(ContractRequests.divideByZero());
    JobHandle job = queue.jobHandle(failing.itemIds().get(0));
    assertThat(job.waitUntilDone(Servers.TIMEOUT).status()).isEqualTo(QueueItemStatus.FAILED);
    assertThat(job.item().orElseThrow().errorType()).contains("ZeroDivisionError");

    List<QueueItemId> retried = queue.retry(failing.itemIds());

    assertThat(retried).containsExactlyElementsOf(failing.itemIds());
    List<QueueItemId> copies = queue.itemIdsOf(failing.batchId());
    assertThat(copies).hasSize(2);
    JobHandle copy = queue.jobHandle(copies.get(1));
    assertThat(copy.waitUntilDone(Servers.TIMEOUT).status()).isEqualTo(QueueItemStatus.FAILED);
  }

  @Test
  void cancelOfAJobHandle() {
    queue.pauseProcessor();
    try {
      JobHandle job = queue.jobHandle(enqueue(ContractRequests.integerAdd(1, 2, 1)).itemIds().get(0));
      assertThat(job.cancel().status()).isEqualTo(QueueItemStatus.CANCELED);
      assertThat(job.isCanceled()).isTrue();
      assertThat(job.waitUntilDone(Duration.ofSeconds(10)).status()).isEqualTo(QueueItemStatus.CANCELED);
    } finally {
      queue.resumeProcessor();
    }
  }

  /**
   * InvokeAI 6.14.2 accepts the batch value "abc" for an integer field, then cannot build the
   * session: the queue stops. The wait ends with the wedge (not the timeout) and its advice (cancel
   * the batch, prune) unwedges the queue.
   */
  @Test
  void wedgedQueueIsDetectedAndItsAdviceRecoversIt() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode nodes = json.objectNode();
    // no value in the graph: invoke4j checks batch values against the graph's own, not the schema
    nodes.set("x", json.objectNode().put("id", "x").put("type", "integer"));
    Graph graph = Graph.of(UUID.randomUUID().toString(), nodes, json.arrayNode());
    EnqueueRequest bad = EnqueueRequest.builder().graph(graph)
        .data(BatchData.of(List.of(List.of(BatchDatum.of("x", "value", List.of("abc"))))))
        .origin("invoke4j-e2e").destination("invoke4j-e2e").build();
    EnqueueResult wedging = enqueue(bad);
    EnqueueResult behind = enqueue(ContractRequests.integerAdd(1, 1, 1));
    try {
      assertThatThrownBy(() -> queue.jobHandle(wedging.itemIds().get(0)).waitUntilDone(Servers.TIMEOUT))
          .isInstanceOfSatisfying(QueueWedgedException.class, e -> {
            assertThat(e.wedge().stuckItem()).contains(wedging.itemIds().get(0));
            assertThat(e.wedge().serverDetail()).contains("valid integer");
          })
          .hasMessageContaining("cancelBatches");
      assertThat(queue.checkWedged()).hasValueSatisfying(w -> assertThat(w.pendingBehind()).isGreaterThanOrEqualTo(1));
    } finally {
      queue.cancelBatches(List.of(wedging.batchId()));
    }
    assertThat(queue.checkWedged()).isEmpty();
    assertThat(queue.jobHandle(behind.itemIds().get(0)).waitUntilDone(Servers.TIMEOUT).status())
        .isEqualTo(QueueItemStatus.COMPLETED);
  }
}
