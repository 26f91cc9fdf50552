package io.invoke4j.domain.queue;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** A node failure recorded in {@code session.errors} of a queue item. */
@Value.Immutable
@InvokeStyle
public interface NodeError {
  /** The node id as sent in the graph (mapped back from the prepared id). */
  String nodeId();

  /** The prepared (execution) node id the server reported. */
  String preparedId();

  /** The error text, {@code "<Type>: <message>"}. */
  String message();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NodeError}. */
  final class Builder extends ImmutableNodeError.Builder {}
}
