package io.invoke4j.app.usecase;

import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Queue items did not finish within the time a caller was willing to wait. They keep running on the
 * server: wait again, or cancel them.
 */
public class WaitTimeoutException extends InvokeException {
  private static final long serialVersionUID = 1L;

  private final transient Map<QueueItemId, QueueItemStatus> lastKnown;
  private final Duration timeout;

  /**
   * An exception for the unfinished items and their last known status.
   *
   * @param lastKnown each unfinished item's last known status, in item order
   * @param timeout how long the caller waited
   */
  public WaitTimeoutException(Map<QueueItemId, QueueItemStatus> lastKnown, Duration timeout) {
    super(message(lastKnown, timeout));
    this.lastKnown = Map.copyOf(lastKnown);
    this.timeout = timeout;
  }

  /** The unfinished items and the status each was last seen with. */
  public Map<QueueItemId, QueueItemStatus> lastKnownStatus() {
    return lastKnown;
  }

  /** How long the caller waited. */
  public Duration timeout() {
    return timeout;
  }

  private static String message(Map<QueueItemId, QueueItemStatus> lastKnown, Duration timeout) {
    Map<QueueItemId, QueueItemStatus> ordered = new LinkedHashMap<>(lastKnown);
    if (ordered.size() == 1) {
      Map.Entry<QueueItemId, QueueItemStatus> only = ordered.entrySet().iterator().next();
      return "queue item " + only.getKey().value() + " did not finish within " + timeout
          + "; last known status: " + only.getValue().wire();
    }
    return ordered.size() + " queue items did not finish within " + timeout + "; last known status: "
        + ordered.entrySet().stream().map(e -> e.getKey().value() + " " + e.getValue().wire())
            .collect(Collectors.joining(", "));
  }
}
