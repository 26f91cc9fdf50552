package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.queue.BatchId;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code batch_enqueued}: a batch was added to the queue. */
@Value.Immutable
@InvokeStyle
public interface BatchEnqueued extends InvokeEvent {
  @Override
  String name();

  @Override
  @Value.Auxiliary
  JsonNode raw();

  BatchId batchId();

  int enqueued();

  int requested();

  Optional<String> origin();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BatchEnqueued}. */
  final class Builder extends ImmutableBatchEnqueued.Builder {}
}
