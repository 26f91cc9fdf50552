package io.invoke4j.ports;

import io.invoke4j.domain.event.InvokeEvent;

/**
 * The server's live events for the queue (Socket.IO at {@code /ws/socket.io}). The connection is
 * opened on the first {@link #subscribe} and re-established after a drop; listeners are told about
 * both, so a waiter can re-read what it missed while disconnected.
 */
public interface EventStream extends AutoCloseable {
  /** Receives events and connection changes. Called from the stream's own thread: do not block. */
  interface Listener {
    /** One event. */
    void onEvent(InvokeEvent event);

    /** The stream is connected and subscribed to the queue (again, after a drop). */
    default void onConnected() {}

    /** The stream lost its connection; events may be missed until {@link #onConnected()}. */
    default void onDisconnected(String reason) {}
  }

  /** A listener's registration; closing it stops delivery to that listener. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Registers {@code listener}, connecting first if needed. Does not wait for the connection: use
   * {@link #isConnected()} or {@link Listener#onConnected()}.
   */
  Subscription subscribe(Listener listener);

  /** Whether the stream is connected and subscribed to the queue now. */
  boolean isConnected();

  /** Disconnects and drops every listener. */
  @Override
  void close();
}
