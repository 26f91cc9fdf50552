package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** One batch value a queue item ran with ({@code field_values[]}): node, field and the value used. */
@Value.Immutable
@InvokeStyle
public interface BatchFieldValue {
  /** The graph node that received the value. */
  String nodePath();

  /** The field of that node. */
  String fieldName();

  /** The value, as the server stored it. */
  JsonNode value();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BatchFieldValue}. */
  final class Builder extends ImmutableBatchFieldValue.Builder {}
}
