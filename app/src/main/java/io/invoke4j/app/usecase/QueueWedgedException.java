package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.queue.QueueWedge;

/**
 * A wait gave up because the queue is wedged ({@link QueueRepository#checkWedged()}): the items
 * would never finish. The message says what to do.
 */
public class QueueWedgedException extends InvokeException {
  private static final long serialVersionUID = 1L;

  private final transient QueueWedge wedge;

  /** An exception for {@code wedge}, found while a wait failed with {@code cause} (may be null). */
  public QueueWedgedException(QueueWedge wedge, Throwable cause) {
    super(requireNonNull(wedge, "wedge == null").advice() + " (server: " + wedge.serverDetail() + ")", cause);
    this.wedge = wedge;
  }

  /** The wedge as found. */
  public QueueWedge wedge() {
    return wedge;
  }
}
