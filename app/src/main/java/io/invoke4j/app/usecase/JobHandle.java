package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.QueueWedge;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One queue item: read it, ask its status, wait for it, cancel it (the Python client's job
 * handle). Made by {@link QueueRepository#jobHandle}.
 *
 * <p>Waiting is event-driven (the item is re-read when the event stream says it finished) and
 * checks every {@link #WEDGE_CHECK_EVERY} whether the queue is wedged, so a wait on an item that
 * will never run ends with a {@link QueueWedgedException} instead of the whole timeout.
 * Thread-safe.
 */
public final class JobHandle {
  /** How often a wait checks for a wedged queue while nothing happens. */
  public static final Duration WEDGE_CHECK_EVERY = Duration.ofSeconds(10);

  private static final Duration POLL = Duration.ofSeconds(1);

  private final QueueRepository queue;
  private final QueueWaiter waiter;
  private final QueueItemId id;
  private final Duration wedgeCheckEvery;
  private volatile QueueItem last;

  JobHandle(QueueRepository queue, QueueWaiter waiter, QueueItemId id, Duration wedgeCheckEvery) {
    this.queue = queue;
    this.waiter = waiter;
    this.id = id;
    this.wedgeCheckEvery = wedgeCheckEvery;
  }

  /** The item's id. */
  public QueueItemId itemId() {
    return id;
  }

  /** The item as last read; empty before the first {@link #refresh()} or wait. */
  public Optional<QueueItem> item() {
    return Optional.ofNullable(last);
  }

  /**
   * Reads the item again.
   *
   * @throws InvokeException when the item no longer exists (deleted, queue cleared)
   * @throws QueueWedgedException when the server cannot read the item because the queue is wedged
   */
  public QueueItem refresh() {
    try {
      QueueItem item = queue.find(id).orElseThrow(() -> new InvokeException(
          "queue item " + id.value() + " no longer exists on the server (deleted, or the queue was cleared)"));
      last = item;
      return item;
    } catch (InvokeHttpException e) {
      if (e.status() >= 500) {
        throw new QueueWedgedException(unreadable(e), e);
      }
      throw e;
    }
  }

  /** The status as read now (one request). */
  public QueueItemStatus status() {
    return refresh().status();
  }

  /** Whether the item waits for the processor (as read now). */
  public boolean isPending() {
    return status() == QueueItemStatus.PENDING;
  }

  /** Whether the item runs now (as read now). */
  public boolean isRunning() {
    return status() == QueueItemStatus.IN_PROGRESS;
  }

  /** Whether the item is completed, failed or canceled (as read now). */
  public boolean isDone() {
    return status().isTerminal();
  }

  /** Whether the item completed (as read now). */
  public boolean isCompleted() {
    return status() == QueueItemStatus.COMPLETED;
  }

  /** Whether the item failed (as read now). */
  public boolean isFailed() {
    return status() == QueueItemStatus.FAILED;
  }

  /** Whether the item was canceled (as read now). */
  public boolean isCanceled() {
    return status() == QueueItemStatus.CANCELED;
  }

  /**
   * Waits until the item is terminal and returns it with its results.
   *
   * @throws WaitTimeoutException when {@code timeout} passes first (the item keeps running)
   * @throws QueueWedgedException when the queue is wedged, so the item would never finish
   * @throws InvokeException when the item disappears from the server
   */
  public QueueItem waitUntilDone(Duration timeout) {
    return waitUntilDone(timeout, update -> {});
  }

  /**
   * Waits until the item is terminal, telling {@code updates} of status changes and progress.
   *
   * @throws WaitTimeoutException when {@code timeout} passes first (the item keeps running)
   * @throws QueueWedgedException when the queue is wedged, so the item would never finish
   * @throws InvokeException when the item disappears from the server
   */
  public QueueItem waitUntilDone(Duration timeout, Consumer<? super JobUpdate> updates) {
    QueueWaiter.positive(timeout, "timeout");
    requireNonNull(updates, "updates == null");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Duration slice = Duration.ofNanos(Math.max(1, Math.min(left, wedgeCheckEvery.toNanos())));
      try {
        QueueItem item = waiter.await(List.of(id), POLL, slice, updates, done -> {}).get(0);
        last = item;
        return item;
      } catch (WaitTimeoutException e) {
        Optional<QueueWedge> wedge = queue.checkWedged();
        if (wedge.isPresent()) {
          throw new QueueWedgedException(naming(wedge.get()), e);
        }
        if (deadline - System.nanoTime() <= 0) {
          throw new WaitTimeoutException(Map.of(id, e.lastKnownStatus().getOrDefault(id, QueueItemStatus.PENDING)), timeout);
        }
      } catch (InvokeException e) {
        throw wedgedOr(e);
      }
    }
  }

  /**
   * Cancels the item (a finished item stays as it is) and returns it as it is now.
   *
   * @throws InvokeHttpException 404 when there is no such item
   */
  public QueueItem cancel() {
    QueueItem item = queue.cancel(id);
    last = item;
    return item;
  }

  /**
   * {@code e}, or a {@link QueueWedgedException} when the failure comes from a wedged queue: this
   * item cannot be read (500; or {@code items_by_ids} skipped it, so the waiter thought it gone),
   * or another 500 while the queue is wedged.
   */
  private RuntimeException wedgedOr(InvokeException e) {
    if (!(e instanceof InvokeHttpException)) {
      // the waiter's "no longer exists": items_by_ids skips an item the server cannot read
      try {
        queue.find(id);
        return e;
      } catch (InvokeHttpException unreadable) {
        return unreadable.status() >= 500 ? new QueueWedgedException(unreadable(unreadable), e) : e;
      }
    }
    InvokeHttpException http = (InvokeHttpException) e;
    if (http.status() >= 500) {
      Optional<QueueWedge> wedge = queue.checkWedged();
      if (wedge.isPresent()) {
        return new QueueWedgedException(naming(wedge.get()), e);
      }
    }
    return e;
  }

  /** The wedge of this unreadable item, also when the queue does not look wedged (yet, or paused). */
  private QueueWedge unreadable(InvokeHttpException e) {
    return queue.checkWedged().map(this::naming).orElseGet(() -> QueueWedge.builder().stuckItem(id)
        .pendingBehind(queue.status().counts().pending()).serverDetail(e.detail()).build());
  }

  /** The wedge, naming this item as the stuck one when this item is the one the server cannot read. */
  private QueueWedge naming(QueueWedge wedge) {
    if (wedge.stuckItem().isPresent()) {
      return wedge;
    }
    try {
      queue.find(id);
      return wedge;
    } catch (InvokeHttpException e) {
      return e.status() >= 500 ? QueueWedge.builder().from(wedge).stuckItem(id).build() : wedge;
    }
  }

  @Override
  public String toString() {
    return "JobHandle[" + id.value() + (last == null ? "" : ", " + last.statusText()) + "]";
  }
}
