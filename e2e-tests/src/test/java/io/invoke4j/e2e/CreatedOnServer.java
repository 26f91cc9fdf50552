package io.invoke4j.e2e;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test created on the server, removed again after it (also when it failed): its batches are
 * cancelled, then its queue items, images and boards (with their images) deleted. What is already
 * gone is fine; other failures are collected and thrown together at the end.
 */
final class CreatedOnServer {
  final List<BatchId> batches = new ArrayList<>();
  final List<QueueItemId> queueItems = new ArrayList<>();
  final List<ImageName> images = new ArrayList<>();
  final List<BoardId> boards = new ArrayList<>();

  private final InvokeAiServer server;

  CreatedOnServer(InvokeAiServer server) {
    this.server = server;
  }

  /** Remembers the batch and the items of an enqueue; returns {@code result}. */
  EnqueueResult enqueued(EnqueueResult result) {
    batches.add(result.batchId());
    queueItems.addAll(result.itemIds());
    return result;
  }

  /** Remembers every image the nodes of {@code item} saved (intermediate or not). */
  QueueItem imagesOf(QueueItem item) {
    images.addAll(QueueItems.imageNames(item));
    return item;
  }

  /** Remembers a board, to be deleted with its images; returns its id. */
  BoardId board(Board board) {
    boards.add(board.id());
    return board.id();
  }

  void cleanUp() {
    List<RuntimeException> failures = new ArrayList<>();
    if (!batches.isEmpty()) {
      attempt(failures, () -> server.queue().cancelBatches(batches));
    }
    for (QueueItemId id : queueItems) {
      attempt(failures, () -> server.queue().delete(id));
    }
    if (!images.isEmpty()) {
      attempt(failures, () -> server.images().delete(images));
    }
    for (BoardId board : boards) {
      attempt(failures, () -> server.boards().delete(board, true));
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  /** Runs one step; a 404 (already gone) is fine, anything else is kept for the end. */
  private static void attempt(List<RuntimeException> failures, Runnable step) {
    try {
      step.run();
    } catch (InvokeHttpException e) {
      if (e.status() != 404) {
        failures.add(e);
      }
    } catch (RuntimeException e) {
      failures.add(e);
    }
  }
}
