package io.invoke4j.app.usecase;

import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.ports.QueueGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A sweep submitted as one enqueue request (see {@link WorkflowHandle#submitSweep}): its items,
 * one completion future per item, their outputs, progress counts and cancel. A waiting thread
 * follows the items from submission on; the futures complete as items finish, in any order.
 */
public final class SweepHandle {
  private final WorkflowHandle workflow;
  private final QueueGateway queue;
  private final Submission submission;
  private final Map<QueueItemId, CompletableFuture<QueueItem>> completions = new LinkedHashMap<>();
  private final Map<QueueItemId, QueueItemStatus> statuses = new ConcurrentHashMap<>();
  private final CompletableFuture<List<QueueItem>> all;

  SweepHandle(WorkflowHandle workflow, QueueGateway queue, Submission submission) {
    this.workflow = workflow;
    this.queue = queue;
    this.submission = submission;
    for (QueueItemId id : submission.itemIds()) {
      completions.put(id, new CompletableFuture<>());
      statuses.put(id, QueueItemStatus.PENDING);
    }
    List<CompletableFuture<QueueItem>> futures = List.copyOf(completions.values());
    this.all = CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
        .thenApply(ignored -> futures.stream().map(CompletableFuture::join).toList());
  }

  /** The submission: batch, item ids and session ids. */
  public Submission submission() {
    return submission;
  }

  /** The batch of the sweep. */
  public BatchId batchId() {
    return submission.batchId();
  }

  /** The sweep's queue items, ascending (the server's session order). */
  public List<QueueItemId> itemIds() {
    return submission.itemIds();
  }

  /**
   * The future of item {@code id}: completes with the finished item (completed, failed or
   * canceled; check its status), or fails with {@link WaitTimeoutException} or the error that
   * stopped the waiting.
   *
   * @throws IllegalArgumentException when {@code id} is not an item of this sweep
   */
  public CompletableFuture<QueueItem> completion(QueueItemId id) {
    CompletableFuture<QueueItem> future = completions.get(id);
    if (future == null) {
      throw new IllegalArgumentException("queue item " + id.value() + " is not part of batch "
          + submission.batchId().value() + " (items " + itemIds().stream().map(QueueItemId::value).toList() + ")");
    }
    return future;
  }

  /** Every item's future, in item order. */
  public List<CompletableFuture<QueueItem>> completions() {
    return List.copyOf(completions.values());
  }

  /** A future of every finished item, in item order; fails when any item's future fails. */
  public CompletableFuture<List<QueueItem>> allDone() {
    return all;
  }

  /**
   * Waits until every item finished and returns them in item order.
   *
   * @throws WaitTimeoutException naming the unfinished items when {@code timeout} passes first
   */
  public List<QueueItem> waitForAllSync(Duration timeout) {
    QueueWaiter.positive(timeout, "timeout");
    try {
      return all.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      Map<QueueItemId, QueueItemStatus> unfinished = new LinkedHashMap<>();
      completions.forEach((id, future) -> {
        if (!future.isDone()) {
          unfinished.put(id, statuses.get(id));
        }
      });
      throw new WaitTimeoutException(unfinished, timeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted while waiting for batch "
          + submission.batchId().value());
    }
  }

  /** The output nodes and images of one finished item of the sweep. */
  public List<OutputMapping> outputs(QueueItem item) {
    return workflow.mapOutputsToImages(item);
  }

  /** The items' statuses as last seen by the waiting thread, counted. */
  public SweepProgress progress() {
    int completed = 0;
    int failed = 0;
    int canceled = 0;
    for (QueueItemStatus status : statuses.values()) {
      switch (status) {
        case COMPLETED -> completed++;
        case FAILED -> failed++;
        case CANCELED -> canceled++;
        default -> { }
      }
    }
    return new SweepProgress(statuses.size(), completed, failed, canceled);
  }

  /** Cancels every unfinished item of the sweep; returns how many were canceled. */
  public int cancel() {
    return queue.cancelBatches(List.of(submission.batchId()));
  }

  void record(JobUpdate update) {
    if (update instanceof JobUpdate.StatusChange change && statuses.containsKey(change.itemId())) {
      statuses.put(change.itemId(), change.status());
    }
  }

  void finish(QueueItem item) {
    statuses.put(item.itemId(), item.status());
    CompletableFuture<QueueItem> future = completions.get(item.itemId());
    if (future != null) {
      future.complete(item);
    }
  }

  void fail(RuntimeException e) {
    List<CompletableFuture<QueueItem>> open = new ArrayList<>();
    completions.values().stream().filter(f -> !f.isDone()).forEach(open::add);
    open.forEach(f -> f.completeExceptionally(e));
  }

  @Override
  public String toString() {
    return "SweepHandle[batch=" + submission.batchId().value() + ", " + progress() + "]";
  }
}
