package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.queue.QueueCounts;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.QueueStatus;
import io.invoke4j.domain.queue.QueueWedge;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.ports.QueueGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueRepositoryTest {
  static WorkflowDefinition blankBlurSave() {
    try (InputStream in = QueueRepositoryTest.class.getResourceAsStream("/io/invoke4j/app/contract/blank-blur-save.json")) {
      return WorkflowDefinition.fromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A server whose current item 5 cannot be read (500), with two items behind it. Everything else
   * goes to {@code real}.
   */
  static QueueGateway wedged(QueueGateway real) {
    return wedged(real, QueueStatus.builder().queueId("default")
        .counts(QueueCounts.builder().pending(2).inProgress(1).completed(0).failed(0).canceled(0).total(3).build())
        .currentItemId(QueueItemId.of(5)).processorStarted(true).processorProcessing(true).build());
  }

  /**
   * InvokeAI 6.14.2 as recorded after a batch value {@code "abc"} for an integer field: nothing
   * runs, two items are pending, {@code GET /next} and the wedged item give 500.
   */
  static QueueGateway wedgedAsRecorded(QueueGateway real) {
    return wedged(real, QueueStatus.builder().queueId("default")
        .counts(QueueCounts.builder().pending(2).inProgress(0).completed(0).failed(0).canceled(0).total(2).build())
        .processorStarted(true).processorProcessing(false).build());
  }

  static QueueGateway wedged(QueueGateway real, QueueStatus status) {
    InvokeHttpException broken = new InvokeHttpException(500, "GET", "/api/v1/queue/default/next",
        "1 validation error for GraphExecutionState");
    return (QueueGateway) Proxy.newProxyInstance(QueueGateway.class.getClassLoader(), new Class<?>[] {QueueGateway.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "status":
              return status;
            case "find":
            case "current":
            case "next":
            case "list":
              throw broken;
            default:
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }

  @Test
  void idleOrMovingQueueIsNotWedged() {
    try (InvokeAIClient client = InvokeAIClient.inMemory()) {
      assertThat(client.queue().checkWedged()).isEmpty();
    }
  }

  @Test
  void pausedQueueWithPendingItemsIsNotWedged() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create();
        InvokeAIClient client = InvokeAIClient.builder().inMemory(invoke).build()) {
      client.queue().pauseProcessor();
      client.workflowRepo().createWorkflow(blankBlurSave()).submitSync();

      assertThat(client.queue().checkWedged()).isEmpty();
      client.queue().resumeProcessor();
    }
  }

  @Test
  void unreadableCurrentItemIsAWedgeWithAdvice() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create()) {
      QueueRepository queue = new QueueRepository(wedged(invoke.queue()), invoke.events());

      Optional<QueueWedge> wedge = queue.checkWedged();

      assertThat(wedge).hasValueSatisfying(w -> {
        assertThat(w.stuckItem()).contains(QueueItemId.of(5));
        assertThat(w.pendingBehind()).isEqualTo(2);
        assertThat(w.serverDetail()).contains("validation error");
        assertThat(w.advice()).contains("item 5", "cancelBatches", "prune", "validateInputs");
      });
    }
  }

  @Test
  void unreadableNextItemWithNothingRunningIsAWedge() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create()) {
      QueueRepository queue = new QueueRepository(wedgedAsRecorded(invoke.queue()), invoke.events());

      assertThat(queue.checkWedged()).hasValueSatisfying(w -> {
        assertThat(w.stuckItem()).isEmpty();
        assertThat(w.pendingBehind()).isEqualTo(1);
        assertThat(w.advice()).contains("the next pending item");
      });
    }
  }

  @Test
  void waitOnTheWedgedItemNamesIt() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create()) {
      QueueRepository queue = new QueueRepository(wedgedAsRecorded(invoke.queue()), invoke.events(),
          Duration.ofMillis(50));

      assertThatThrownBy(() -> queue.jobHandle(QueueItemId.of(1)).waitUntilDone(Duration.ofMinutes(5)))
          .isInstanceOfSatisfying(QueueWedgedException.class,
              e -> assertThat(e.wedge().stuckItem()).contains(QueueItemId.of(1)));
    }
  }

  @Test
  void waitingOnAWedgedQueueEndsWithTheWedgeNotTheTimeout() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create()) {
      QueueRepository queue = new QueueRepository(wedged(invoke.queue()), invoke.events(), Duration.ofMillis(50));

      long start = System.nanoTime();
      assertThatThrownBy(() -> queue.jobHandle(QueueItemId.of(6)).waitUntilDone(Duration.ofMinutes(5)))
          .isInstanceOfSatisfying(QueueWedgedException.class,
              e -> assertThat(e.wedge().stuckItem()).contains(QueueItemId.of(5)))
          .hasMessageContaining("wedged");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
  }

  @Test
  void refreshOfTheWedgedItemReportsTheWedge() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create()) {
      QueueRepository queue = new QueueRepository(wedged(invoke.queue()), invoke.events());

      assertThatThrownBy(() -> queue.jobHandle(QueueItemId.of(5)).refresh())
          .isInstanceOf(QueueWedgedException.class).hasCauseInstanceOf(InvokeHttpException.class);
    }
  }

  @Test
  void jobHandleWaitsReadsAndCancels() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create();
        InvokeAIClient client = InvokeAIClient.builder().inMemory(invoke).build()) {
      Submission submitted = client.workflowRepo().createWorkflow(blankBlurSave()).submitSync();
      JobHandle job = client.queue().jobHandle(submitted.itemIds().get(0));

      QueueItem done = job.waitUntilDone(Duration.ofSeconds(30));

      assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
      assertThat(job.isCompleted()).isTrue();
      assertThat(job.isDone()).isTrue();
      assertThat(job.isFailed()).isFalse();
      assertThat(job.item()).isPresent();

      client.queue().pauseProcessor();
      try {
        JobHandle pending = client.queue().jobHandle(
            client.workflowRepo().createWorkflow(blankBlurSave()).submitSync().itemIds().get(0));
        assertThat(pending.isPending()).isTrue();
        assertThat(pending.cancel().status()).isEqualTo(QueueItemStatus.CANCELED);
        assertThat(pending.isCanceled()).isTrue();
      } finally {
        client.queue().resumeProcessor();
      }
    }
  }

  @Test
  void waitTimesOutWithTheLastStatus() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create();
        InvokeAIClient client = InvokeAIClient.builder().inMemory(invoke).build()) {
      client.queue().pauseProcessor();
      JobHandle job = client.queue().jobHandle(
          client.workflowRepo().createWorkflow(blankBlurSave()).submitSync().itemIds().get(0));

      assertThatThrownBy(() -> job.waitUntilDone(Duration.ofMillis(300)))
          .isInstanceOfSatisfying(WaitTimeoutException.class,
              e -> assertThat(e.lastKnownStatus()).containsValue(QueueItemStatus.PENDING));
      client.queue().resumeProcessor();
    }
  }
}
