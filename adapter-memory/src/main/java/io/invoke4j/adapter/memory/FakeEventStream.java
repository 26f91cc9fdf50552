package io.invoke4j.adapter.memory;

import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.ports.EventStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory event stream: events are delivered on the thread that caused them (the processor
 * thread, or the caller's for enqueue and cancels). Connected from the first subscribe until
 * {@link #close()}; {@link MemoryInvokeAI#dropEventStream(String)} simulates a drop, during which
 * events are lost, as over a real socket.
 */
public final class FakeEventStream implements EventStream {
  private final List<EventStream.Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean connected;
  private volatile boolean dropped;

  FakeEventStream() {}

  @Override
  public Subscription subscribe(Listener listener) {
    listeners.add(listener);
    if (!connected) {
      connected = true;
      dropped = false;
    }
    if (!dropped) {
      listener.onConnected();
    }
    return () -> listeners.remove(listener);
  }

  @Override
  public boolean isConnected() {
    return connected && !dropped;
  }

  @Override
  public void close() {
    connected = false;
    listeners.clear();
  }

  void drop(String reason) {
    if (connected && !dropped) {
      dropped = true;
      listeners.forEach(l -> l.onDisconnected(reason));
    }
  }

  void reconnect() {
    if (connected && dropped) {
      dropped = false;
      listeners.forEach(Listener::onConnected);
    }
  }

  void emit(InvokeEvent event) {
    if (!isConnected()) {
      return;
    }
    for (Listener listener : listeners) {
      listener.onEvent(event);
    }
  }

  void emitAll(List<InvokeEvent> events) {
    events.forEach(this::emit);
  }
}
