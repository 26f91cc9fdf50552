package io.invoke4j.domain.queue;

import io.invoke4j.domain.InvokeStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A queue that will not move: the item the processor holds cannot be read (HTTP 500) and the items
 * behind it stay pending. InvokeAI 6.14 gets there when a batch value of the wrong type is accepted
 * at enqueue and only fails when the session is built.
 */
@Value.Immutable
@InvokeStyle
public interface QueueWedge {
  /** The item the server cannot read, when the queue status names it. */
  Optional<QueueItemId> stuckItem();

  /** How many items wait behind it. */
  int pendingBehind();

  /** What the server answered (the 500's detail). */
  String serverDetail();

  /** What to do about it, for a person. */
  @Value.Default
  default String advice() {
    return "The queue is wedged: InvokeAI 6.14 accepted a batch value of the wrong type and can neither run nor"
        + " read " + stuckItem().map(id -> "item " + id.value()).orElse("the next pending item") + "; "
        + pendingBehind() + " item(s) wait behind it. Cancelling or deleting that one item fails (HTTP 500)."
        + " Cancel its batch (cancelBatches) or every pending item (cancelAllExceptCurrent; an admin's call"
        + " cancels every user's), then prune; check the values (WorkflowHandle.validateInputs()) before"
        + " enqueueing again.";
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link QueueWedge}. */
  final class Builder extends ImmutableQueueWedge.Builder {}
}
