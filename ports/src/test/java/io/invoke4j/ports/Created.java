package io.invoke4j.ports;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.NodeOutput;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.workflow.WorkflowId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one contract test made on the server, removed again after the test so the suites can run on
 * a server others use: batches are canceled and their items deleted (never {@code clear}), images,
 * boards and saved workflows deleted. Gateways are looked up lazily, so a suite that never creates
 * an image need not provide an image gateway.
 */
public final class Created {
  private final Set<BatchId> batches = new LinkedHashSet<>();
  private final Set<ImageName> images = new LinkedHashSet<>();
  private final Set<BoardId> boards = new LinkedHashSet<>();
  private final Set<WorkflowId> workflows = new LinkedHashSet<>();

  /** Remembers a batch: its items are canceled and deleted, their images deleted. */
  public BatchId batch(BatchId batch) {
    batches.add(batch);
    return batch;
  }

  /** Remembers an image to delete. */
  public ImageName image(ImageName image) {
    images.add(image);
    return image;
  }

  /** Remembers a board to delete (with its images). */
  public BoardId board(BoardId board) {
    boards.add(board);
    return board;
  }

  /** Remembers a saved workflow to delete. */
  public WorkflowId workflow(WorkflowId workflow) {
    workflows.add(workflow);
    return workflow;
  }

  /** Removes everything remembered; failures are collected and thrown together at the end. */
  public void removeAll(Supplier<QueueGateway> queue, Supplier<ImageGateway> imageGateway,
      Supplier<BoardGateway> boardGateway, Supplier<WorkflowLibrary> library) {
    List<RuntimeException> failures = new ArrayList<>();
    if (!batches.isEmpty()) {
      attempt(failures, () -> removeBatches(queue.get()));
    }
    if (!images.isEmpty() || !batches.isEmpty()) {
      for (ImageName image : images) {
        attempt(failures, () -> imageGateway.get().delete(image));
      }
    }
    for (BoardId board : boards) {
      attempt(failures, () -> {
        try {
          boardGateway.get().delete(board, true);
        } catch (InvokeHttpException e) {
          if (e.status() != 404) {
            throw e;
          }
        }
      });
    }
    for (WorkflowId workflow : workflows) {
      attempt(failures, () -> {
        try {
          library.get().delete(workflow);
        } catch (InvokeHttpException e) {
          if (e.status() != 404) {
            throw e;
          }
        }
      });
    }
    batches.clear();
    images.clear();
    boards.clear();
    workflows.clear();
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  private void removeBatches(QueueGateway queue) {
    queue.cancelBatches(List.copyOf(batches));
    for (BatchId batch : batches) {
      for (QueueItem item : queue.list(queue.itemIdsOf(batch))) {
        for (NodeOutput output : OutputMapper.map(item, OutputMapper.Selection.ALL_IMAGE_NODES)) {
          images.addAll(output.imageNames());
        }
        deleteItem(queue, item.itemId());
      }
    }
  }

  private static void deleteItem(QueueGateway queue, QueueItemId id) {
    try {
      queue.delete(id);
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
