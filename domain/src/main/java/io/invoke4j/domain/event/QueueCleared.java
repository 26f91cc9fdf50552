package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** {@code queue_cleared}: the queue was cleared; items not yet terminal will not run. */
@Value.Immutable
@InvokeStyle
public interface QueueCleared extends InvokeEvent {
  @Override
  String name();

  @Override
  @Value.Auxiliary
  JsonNode raw();

  String queueId();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link QueueCleared}. */
  final class Builder extends ImmutableQueueCleared.Builder {}
}
