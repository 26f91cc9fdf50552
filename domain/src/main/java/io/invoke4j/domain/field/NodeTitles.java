package io.invoke4j.domain.field;

import java.util.Optional;

/**
 * Where the GUI's display titles of nodes and their inputs come from when a workflow gives no label
 * of its own: a node shows its template's title ("Blur Image"), an input its field template's title
 * ("Start Frame", not {@code start_frame}).
 */
public interface NodeTitles {
  /** The title of a node type, empty when the type is unknown. */
  Optional<String> nodeTitle(String nodeType);

  /** The title of a node type's input, empty when the node or the field is unknown. */
  Optional<String> fieldTitle(String nodeType, String fieldName);

  /** No titles at all. */
  static NodeTitles none() {
    return new NodeTitles() {
      @Override
      public Optional<String> nodeTitle(String nodeType) {
        return Optional.empty();
      }

      @Override
      public Optional<String> fieldTitle(String nodeType, String fieldName) {
        return Optional.empty();
      }
    };
  }

  /** The titles of {@code first}, else those of {@code then}. */
  static NodeTitles firstOf(NodeTitles first, NodeTitles then) {
    java.util.Objects.requireNonNull(first, "first == null");
    java.util.Objects.requireNonNull(then, "then == null");
    return new NodeTitles() {
      @Override
      public Optional<String> nodeTitle(String nodeType) {
        return first.nodeTitle(nodeType).or(() -> then.nodeTitle(nodeType));
      }

      @Override
      public Optional<String> fieldTitle(String nodeType, String fieldName) {
        return first.fieldTitle(nodeType, fieldName).or(() -> then.fieldTitle(nodeType, fieldName));
      }
    };
  }
}
