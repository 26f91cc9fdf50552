package io.invoke4j.app.usecase;

import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.ports.EventStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An event stream the test drives: events are delivered on the calling (test) thread while
 * "connected", dropped while not, as a real socket would lose them.
 */
public final class FakeEventStream implements EventStream {
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean connected;
  private volatile boolean closed;

  public FakeEventStream(boolean connected) {
    this.connected = connected;
  }

  @Override
  public Subscription subscribe(Listener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public boolean isConnected() {
    return connected;
  }

  @Override
  public void close() {
    closed = true;
    listeners.clear();
  }

  public boolean closed() {
    return closed;
  }

  /** Delivers {@code event} to every listener, or drops it when disconnected. */
  public void emit(InvokeEvent event) {
    if (connected) {
      listeners.forEach(l -> l.onEvent(event));
    }
  }

  public void drop() {
    connected = false;
    listeners.forEach(l -> l.onDisconnected("test drop"));
  }

  public void reconnect() {
    connected = true;
    listeners.forEach(Listener::onConnected);
  }

  /** Blocks until someone subscribed (a waiter started), at most 5 s. */
  public void awaitSubscriber() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (listeners.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nobody subscribed within 5 s");
      }
      Thread.sleep(5);
    }
  }

  public int subscribers() {
    return listeners.size();
  }
}
