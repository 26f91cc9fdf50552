package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.util.Optional;

/**
 * What a waiter reports while a queue item runs: a {@link StatusChange} each time the item's status
 * changes, a {@link Progress} for each progress event of one of its nodes. Delivered on the waiting
 * thread (the caller's for the {@code *Sync} methods), so a callback may block briefly but should
 * not wait for the job itself.
 *
 * <pre>{@code
 * wf.waitForCompletionSync(Duration.ofMillis(500), Duration.ofMinutes(3), update -> {
 *   if (update instanceof JobUpdate.Progress p) {
 *     System.out.printf("%s %.0f%%%n", p.nodeId(), 100 * p.fraction().orElse(0.0));
 *   }
 * });
 * }</pre>
 */
public sealed interface JobUpdate {
  /** The queue item the update is about. */
  QueueItemId itemId();

  /**
   * The item moved to another status (seen in an event or, while the event stream is down, by
   * re-reading the item).
   *
   * @param itemId the item
   * @param status the new status
   * @param statusText the status as the server spelt it
   * @param errorMessage the failure's message, for a failed item when known
   */
  record StatusChange(QueueItemId itemId, QueueItemStatus status, String statusText,
      Optional<String> errorMessage) implements JobUpdate {
    /** Checks the parts. */
    public StatusChange {
      requireNonNull(itemId, "itemId == null");
      requireNonNull(status, "status == null");
      requireNonNull(statusText, "statusText == null");
      requireNonNull(errorMessage, "errorMessage == null");
    }
  }

  /**
   * A node of the item reported progress. Only the event stream delivers these; while it is down,
   * only status changes are seen.
   *
   * @param itemId the item
   * @param nodeId the node, as sent in the graph
   * @param nodeType the node's invocation type, e.g. {@code denoise_latents}
   * @param message the server's message, e.g. {@code Denoising}
   * @param fraction the node's fraction done, 0..1, when the server says
   */
  record Progress(QueueItemId itemId, String nodeId, String nodeType, String message,
      Optional<Double> fraction) implements JobUpdate {
    /** Checks the parts. */
    public Progress {
      requireNonNull(itemId, "itemId == null");
      requireNonNull(nodeId, "nodeId == null");
      requireNonNull(nodeType, "nodeType == null");
      requireNonNull(message, "message == null");
      requireNonNull(fraction, "fraction == null");
    }
  }
}
