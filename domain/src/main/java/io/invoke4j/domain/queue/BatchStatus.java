package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** The counts of one batch ({@code GET /queue/{id}/b/{batch_id}/status}). */
@Value.Immutable
@InvokeStyle
public interface BatchStatus {
  String queueId();

  BatchId batchId();

  Optional<String> origin();

  Optional<String> destination();

  QueueCounts counts();

  /** The server's JSON; read-only by agreement. */
  @Value.Default
  @Value.Auxiliary
  default JsonNode raw() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Whether every item of the batch is terminal. */
  default boolean isDone() {
    return counts().unfinished() == 0;
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BatchStatus}. */
  final class Builder extends ImmutableBatchStatus.Builder {}
}
