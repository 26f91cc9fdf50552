package io.invoke4j.domain.queue;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** Item counts by status, of a queue or of one batch. */
@Value.Immutable
@InvokeStyle
public interface QueueCounts {
  int pending();

  int inProgress();

  @Value.Default
  default int waiting() {
    return 0;
  }

  int completed();

  int failed();

  int canceled();

  int total();

  /** Items not yet terminal: pending, in progress or waiting. */
  default int unfinished() {
    return pending() + inProgress() + waiting();
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link QueueCounts}. */
  final class Builder extends ImmutableQueueCounts.Builder {}
}
