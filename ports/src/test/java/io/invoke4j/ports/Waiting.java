package io.invoke4j.ports;

import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.BatchStatus;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Polling waits for the contract suites. Tests poll rather than listen so the queue suite does not
 * depend on the event stream; a CPU server runs a model-less item in about a second.
 */
public final class Waiting {
  /** How long a contract test waits for the server before it fails. */
  public static final Duration TIMEOUT = Duration.ofSeconds(90);

  private Waiting() {}

  /** Waits until every item of {@code batch} is terminal and returns them, ascending by id. */
  public static List<QueueItem> untilDone(QueueGateway queue, BatchId batch) {
    until(() -> {
      BatchStatus status = queue.batchStatus(batch);
      return status.counts().total() > 0 && status.isDone();
    }, "batch " + batch.value() + " to finish");
    return queue.list(queue.itemIdsOf(batch));
  }

  /** Waits until the item is terminal and returns it. */
  public static QueueItem untilDone(QueueGateway queue, QueueItemId id) {
    until(() -> queue.find(id).map(QueueItem::isTerminal).orElse(true), "item " + id.value() + " to finish");
    return queue.find(id).orElseThrow();
  }

  /** Waits until {@code condition} holds. */
  public static void until(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
