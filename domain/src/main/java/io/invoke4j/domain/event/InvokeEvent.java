package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One event from the server's event stream. Each has the server's event {@link #name()} (e.g.
 * {@code invocation_complete}) and its JSON ({@link #raw()}, read-only by agreement).
 */
public interface InvokeEvent {
  /** The server's event name, e.g. {@code queue_item_status_changed}. */
  String name();

  /** The event's JSON payload. */
  JsonNode raw();

  /** The queue item the event is about, when it is about one. */
  default Optional<io.invoke4j.domain.queue.QueueItemId> itemId() {
    return Optional.empty();
  }
}
