package io.invoke4j.ports;

import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.BatchStatus;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.QueueStatus;
import java.util.List;
import java.util.Optional;

/**
 * The server's session queue ({@code /api/v1/queue/{queue_id}}): enqueue batches, read items and
 * counts, cancel and clean up. Implementations work on one queue id ({@code default}, as the GUI).
 *
 * <p>Every method may throw {@link io.invoke4j.domain.InvokeHttpException} when the server answers
 * with an error status, {@link io.invoke4j.domain.InvokeTransportException} when it cannot be
 * reached, and {@link io.invoke4j.domain.InvokeProtocolException} when its answer cannot be read.
 */
public interface QueueGateway {
  /**
   * Enqueues {@code request} as one batch. Never sent twice: when the outcome of a send is unknown
   * (the connection dropped), the implementation looks the batch up by its id before deciding.
   *
   * @throws io.invoke4j.domain.EnqueueRejectedException when the server rejects the body (422),
   *     with each problem's location
   */
  EnqueueResult enqueue(EnqueueRequest request);

  /** The item with {@code id}; empty when the server has no such item. */
  Optional<QueueItem> find(QueueItemId id);

  /**
   * The items with {@code ids}, in the order asked; ids the server does not know are skipped (so
   * the result may be shorter). An empty list asks nothing and returns an empty list.
   */
  List<QueueItem> list(List<QueueItemId> ids);

  /** Every item of the queue, oldest first; empty when the queue is empty. */
  List<QueueItem> listAll();

  /** The ids of every item of {@code batch}, ascending; empty for an unknown batch. */
  List<QueueItemId> itemIdsOf(BatchId batch);

  /** The ids of items with {@code status}, ascending; empty when there are none. */
  default List<QueueItemId> itemIdsWith(QueueItemStatus status) {
    return listAll().stream().filter(i -> i.status() == status).map(QueueItem::itemId).toList();
  }

  /** The queue's counts and the processor's state. */
  QueueStatus status();

  /** The counts of {@code batch}; all zero for an unknown batch. */
  BatchStatus batchStatus(BatchId batch);

  /** The item running now; empty when none is. */
  Optional<QueueItem> current();

  /**
   * The pending item the processor takes next (highest priority, then oldest); empty when none is
   * pending.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 500 when the server cannot read that item: the
   *     wedge of InvokeAI 6.14 after a batch value of the wrong type
   */
  Optional<QueueItem> next();

  /**
   * Cancels the item (a terminal item stays as it is) and returns it as it is now.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 when there is no such item
   */
  QueueItem cancel(QueueItemId id);

  /** Cancels every unfinished item of the batches; returns how many were canceled. */
  int cancelBatches(List<BatchId> batches);

  /** Cancels every unfinished item but the running one; returns how many were canceled. */
  int cancelAllExceptCurrent();

  /** Deletes the item (and its workflow-call chain). Deleting an unknown item is a 404. */
  void delete(QueueItemId id);

  /** Cancels everything and deletes every item; returns how many were deleted. */
  int clear();

  /** Deletes the terminal items; returns how many were deleted. */
  int prune();

  /**
   * Retries failed or canceled items as new pending copies; returns the ids of the originals that
   * were retried (others are ignored).
   */
  List<QueueItemId> retry(List<QueueItemId> ids);

  /** Pauses the processor (admin): pending items stay pending. */
  void pauseProcessor();

  /** Resumes the processor (admin). */
  void resumeProcessor();
}
