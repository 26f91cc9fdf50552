package io.invoke4j.domain.queue;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** A required input of a node that neither a value nor a connection feeds (see {@link MissingInputs}). */
@Value.Immutable
@InvokeStyle
public interface MissingInput {
  /** The node's id in the workflow (and the graph). */
  String nodeId();

  /** The node's invocation type, e.g. {@code img_blur}. */
  String nodeType();

  /** The node's label in the editor, else its type. */
  String nodeName();

  /** The input, e.g. {@code image}. */
  String fieldName();

  /** {@code node "Blur" img_blur#abc: required input image has no value and no connection}. */
  default String describe() {
    return "node \"" + nodeName() + "\" " + nodeType() + "#" + nodeId() + ": required input " + fieldName()
        + " has no value and no connection";
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MissingInput}. */
  final class Builder extends ImmutableMissingInput.Builder {}
}
