package io.invoke4j.domain.queue;

import java.util.Locale;

/**
 * The status of a queue item. {@link #UNKNOWN} stands for a status this version of invoke4j does
 * not know (a newer server); the item keeps the server's spelling in {@link QueueItem#statusText()}.
 */
public enum QueueItemStatus {
  PENDING("pending"),
  IN_PROGRESS("in_progress"),
  /** The parent of a {@code call_saved_workflow} child run, waiting for it. */
  WAITING("waiting"),
  COMPLETED("completed"),
  FAILED("failed"),
  /** American spelling, as the queue (not the model installer) spells it. */
  CANCELED("canceled"),
  UNKNOWN("unknown");

  private final String wire;

  QueueItemStatus(String wire) {
    this.wire = wire;
  }

  /** The server's spelling, e.g. {@code in_progress}. */
  public String wire() {
    return wire;
  }

  /** Whether the item will not change any more: completed, failed or canceled. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELED;
  }

  /** The status for the server's spelling; {@link #UNKNOWN} for anything else (never throws). */
  public static QueueItemStatus fromWire(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (QueueItemStatus status : values()) {
      if (status.wire.equals(wanted)) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
