package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.queue.QueueCounts;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueStatus;
import io.invoke4j.ports.QueueGateway;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The waiter behind {@link WorkflowHandle} and sweep waits ends on a wedged queue with the wedge's
 * explanation instead of running into its timeout.
 */
class QueueWaiterWedgeTest {
  /** Processor started, two pending, nothing runs: as InvokeAI 6.14.2 after a wrongly typed batch value. */
  private static final QueueStatus WEDGED = QueueStatus.builder().queueId("default")
      .counts(QueueCounts.builder().pending(2).inProgress(0).completed(0).failed(0).canceled(0).total(2).build())
      .processorStarted(true).processorProcessing(false).build();

  @Test
  void aWaitOnAnItemBehindTheWedgeEndsWithTheWedge() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create();
        InvokeAIClient client = InvokeAIClient.builder().inMemory(invoke).build()) {
      client.queue().pauseProcessor();
      QueueItemId behind = client.workflowRepo().createWorkflow(QueueRepositoryTest.blankBlurSave()).submitSync()
          .itemIds().get(0);
      QueueWaiter waiter = new QueueWaiter(wedged(invoke.queue(), false), invoke.events(), Duration.ofMillis(100));

      long start = System.nanoTime();
      assertThatThrownBy(() -> waiter.await(List.of(behind), Duration.ofMillis(50), Duration.ofMinutes(5),
          update -> { }, item -> { }))
          .isInstanceOfSatisfying(QueueWedgedException.class,
              e -> assertThat(e.wedge().pendingBehind()).isEqualTo(1))
          .hasMessageContaining("wedged");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void anItemTheServerCannotListIsTheWedgeNotAVanishedItem() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create();
        InvokeAIClient client = InvokeAIClient.builder().inMemory(invoke).build()) {
      client.queue().pauseProcessor();
      QueueItemId stuck = client.workflowRepo().createWorkflow(QueueRepositoryTest.blankBlurSave()).submitSync()
          .itemIds().get(0);
      // items_by_ids skips an item the server cannot read
      QueueWaiter waiter = new QueueWaiter(wedged(invoke.queue(), true), invoke.events(), Duration.ofMinutes(1));

      assertThatThrownBy(() -> waiter.await(List.of(stuck), Duration.ofMillis(50), Duration.ofMinutes(5),
          update -> { }, item -> { }))
          .isInstanceOf(QueueWedgedException.class)
          .hasMessageContaining("wedged")
          .hasRootCauseMessage("queue item " + stuck.value() + " no longer exists on the server (deleted, or the queue"
              + " was cleared); last known status: pending");
    }
  }

  /** {@code real} with a wedged status and an unreadable next item; {@code skipInList}: lists nothing. */
  private static QueueGateway wedged(QueueGateway real, boolean skipInList) {
    return (QueueGateway) Proxy.newProxyInstance(QueueGateway.class.getClassLoader(), new Class<?>[] {QueueGateway.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "status":
              return WEDGED;
            case "next":
              throw new InvokeHttpException(500, "GET", "/api/v1/queue/default/next",
                  "1 validation error for GraphExecutionState");
            case "list":
              if (skipInList) {
                return List.of();
              }
              return method.invoke(real, args);
            default:
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }
}
