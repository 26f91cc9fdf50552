package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.BatchStatus;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.QueueStatus;
import io.invoke4j.domain.queue.QueueWedge;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.QueueGateway;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The session queue as {@code client.queue()} offers it: every {@link QueueGateway} call, plus a
 * {@link JobHandle} over one item and detection of a wedged queue.
 *
 * <pre>{@code
 * JobHandle job = client.queue().jobHandle(QueueItemId.of(42));
 * QueueItem done = job.waitUntilDone(Duration.ofMinutes(2)); // QueueWedgedException instead of hanging
 * client.queue().checkWedged().ifPresent(w -> System.err.println(w.advice()));
 * }</pre>
 *
 * <p>Every method may throw what the underlying {@link QueueGateway} throws. Thread-safe.
 */
public final class QueueRepository implements QueueGateway {
  private final QueueGateway queue;
  private final EventStream events;
  private final Duration wedgeCheckEvery;

  /** A repository over {@code queue}; waits listen on {@code events}. */
  public QueueRepository(QueueGateway queue, EventStream events) {
    this(queue, events, JobHandle.WEDGE_CHECK_EVERY);
  }

  QueueRepository(QueueGateway queue, EventStream events, Duration wedgeCheckEvery) {
    this.queue = requireNonNull(queue, "queue == null");
    this.events = requireNonNull(events, "events == null");
    this.wedgeCheckEvery = QueueWaiter.positive(wedgeCheckEvery, "wedgeCheckEvery");
  }

  /**
   * A handle over the item {@code id}. Nothing is read yet: {@link JobHandle#refresh()} reads it.
   */
  public JobHandle jobHandle(QueueItemId id) {
    return new JobHandle(this, new QueueWaiter(queue, events), requireNonNull(id, "id == null"), wedgeCheckEvery);
  }

  /** Handles over every item of an enqueue, in item order. */
  public List<JobHandle> jobHandles(EnqueueResult enqueued) {
    requireNonNull(enqueued, "enqueued == null");
    return enqueued.itemIds().stream().map(this::jobHandle).toList();
  }

  /**
   * Whether the queue is wedged now. InvokeAI 6.14 accepts a batch value of the wrong type at
   * enqueue; the item then cannot be read (HTTP 500 on {@code GET /next}, on the item, on
   * {@code list_all}), the processor cannot take it, and it and every later item stay pending.
   * Checked as: the processor is started, items are pending, none runs, and the next item cannot be
   * read; or the running item cannot be read. A paused processor or a slow item is not a wedge.
   *
   * @return the wedge with advice; empty when the queue is moving, paused or idle
   * @throws io.invoke4j.domain.InvokeException when the status itself cannot be read
   */
  public Optional<QueueWedge> checkWedged() {
    return checkWedged(queue);
  }

  /** {@link #checkWedged()} of {@code queue}. */
  static Optional<QueueWedge> checkWedged(QueueGateway queue) {
    QueueStatus status = queue.status();
    if (!status.processorStarted() || status.counts().unfinished() == 0) {
      return Optional.empty();
    }
    Optional<QueueItemId> held = status.currentItemId();
    boolean running = held.isPresent() || status.counts().inProgress() > 0;
    try {
      if (held.isPresent()) {
        queue.find(held.get());
      } else if (running) {
        queue.current();
      } else if (status.counts().pending() > 0) {
        queue.next();
      }
      return Optional.empty();
    } catch (InvokeHttpException e) {
      if (e.status() < 500) {
        throw e;
      }
      int behind = running ? status.counts().pending() : Math.max(0, status.counts().pending() - 1);
      return Optional.of(QueueWedge.builder().stuckItem(held).pendingBehind(behind)
          .serverDetail(e.detail()).build());
    }
  }

  /** {@inheritDoc} */
  @Override
  public EnqueueResult enqueue(EnqueueRequest request) {
    return queue.enqueue(request);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<QueueItem> find(QueueItemId id) {
    return queue.find(id);
  }

  /** {@inheritDoc} */
  @Override
  public List<QueueItem> list(List<QueueItemId> ids) {
    return queue.list(ids);
  }

  /** {@inheritDoc} */
  @Override
  public List<QueueItem> listAll() {
    return queue.listAll();
  }

  /** {@inheritDoc} */
  @Override
  public List<QueueItemId> itemIdsOf(BatchId batch) {
    return queue.itemIdsOf(batch);
  }

  /** {@inheritDoc} */
  @Override
  public List<QueueItemId> itemIdsWith(QueueItemStatus status) {
    return queue.itemIdsWith(status);
  }

  /** {@inheritDoc} */
  @Override
  public QueueStatus status() {
    return queue.status();
  }

  /** Whether any item is pending, running or waiting. */
  public boolean isBusy() {
    return queue.status().isBusy();
  }

  /** {@inheritDoc} */
  @Override
  public BatchStatus batchStatus(BatchId batch) {
    return queue.batchStatus(batch);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<QueueItem> current() {
    return queue.current();
  }

  /** {@inheritDoc} */
  @Override
  public Optional<QueueItem> next() {
    return queue.next();
  }

  /** {@inheritDoc} */
  @Override
  public QueueItem cancel(QueueItemId id) {
    return queue.cancel(id);
  }

  /** {@inheritDoc} */
  @Override
  public int cancelBatches(List<BatchId> batches) {
    return queue.cancelBatches(batches);
  }

  /** {@inheritDoc} */
  @Override
  public int cancelAllExceptCurrent() {
    return queue.cancelAllExceptCurrent();
  }

  /** {@inheritDoc} */
  @Override
  public void delete(QueueItemId id) {
    queue.delete(id);
  }

  /** {@inheritDoc} */
  @Override
  public int clear() {
    return queue.clear();
  }

  /** {@inheritDoc} */
  @Override
  public int prune() {
    return queue.prune();
  }

  /** {@inheritDoc} */
  @Override
  public List<QueueItemId> retry(List<QueueItemId> ids) {
    return queue.retry(ids);
  }

  /** {@inheritDoc} */
  @Override
  public void pauseProcessor() {
    queue.pauseProcessor();
  }

  /** {@inheritDoc} */
  @Override
  public void resumeProcessor() {
    queue.resumeProcessor();
  }

  /** The gateway underneath (the HTTP adapter, or the port swapped in the builder). */
  public QueueGateway gateway() {
    return queue;
  }

  @Override
  public String toString() {
    return "QueueRepository[" + queue + "]";
  }
}
