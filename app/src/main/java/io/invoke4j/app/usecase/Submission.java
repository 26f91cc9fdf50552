package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItemId;
import java.util.List;

/**
 * What one enqueue of a workflow created on the server: its batch, the queue items (one per
 * session, ascending) and their session ids.
 *
 * @param batchId the batch the request became
 * @param itemIds the queue items, ascending; fewer than asked for when the server's queue was full
 * @param sessionIds the items' session ids, in {@code itemIds} order (an item the server did not
 *     report a session for is left out)
 * @param uploadedImages images uploaded from local files for this submission, in input order
 */
public record Submission(BatchId batchId, List<QueueItemId> itemIds, List<String> sessionIds,
    List<ImageName> uploadedImages) {

  /** Checks and copies the lists. */
  public Submission {
    requireNonNull(batchId, "batchId == null");
    itemIds = List.copyOf(itemIds);
    sessionIds = List.copyOf(sessionIds);
    uploadedImages = List.copyOf(uploadedImages);
  }
}
