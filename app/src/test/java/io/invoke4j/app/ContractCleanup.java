package io.invoke4j.app;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.NodeOutput;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one contract test made through the client, removed after the test so the suites can run on
 * a server others use: batches are canceled and their items deleted (never {@code clear}), with
 * every image their nodes made (intermediate ones too), then boards.
 */
public final class ContractCleanup {
  private final Set<BatchId> batches = new LinkedHashSet<>();
  private final Set<BoardId> boards = new LinkedHashSet<>();

  /** Remembers a batch to cancel and delete, with its images. */
  public BatchId batch(BatchId batch) {
    batches.add(batch);
    return batch;
  }

  /** Remembers a board to delete, with its images. */
  public BoardId board(BoardId board) {
    boards.add(board);
    return board;
  }

  /** Removes everything remembered; failures are collected and the first is thrown at the end. */
  public void removeAll(InvokeAIClient client) {
    List<RuntimeException> failures = new ArrayList<>();
    Set<ImageName> images = new LinkedHashSet<>();
    if (!batches.isEmpty()) {
      attempt(failures, () -> client.queue().cancelBatches(List.copyOf(batches)));
    }
    for (BatchId batch : batches) {
      attempt(failures, () -> {
        for (QueueItem item : client.queue().list(client.queue().itemIdsOf(batch))) {
          for (NodeOutput output : OutputMapper.map(item, OutputMapper.Selection.ALL_IMAGE_NODES)) {
            images.addAll(output.imageNames());
          }
          ignoring404(() -> client.queue().delete(item.itemId()));
        }
      });
    }
    for (ImageName image : images) {
      attempt(failures, () -> ignoring404(() -> client.images().delete(image)));
    }
    for (BoardId board : boards) {
      attempt(failures, () -> ignoring404(() -> client.boards().delete(board, true)));
    }
    batches.clear();
    boards.clear();
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  private static void ignoring404(Runnable action) {
    try {
      action.run();
    } catch (InvokeHttpException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  private static void attempt(List<RuntimeException> failures, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      failures.add(e);
    }
  }
}
