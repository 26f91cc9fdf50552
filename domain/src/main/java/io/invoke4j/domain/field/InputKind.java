package io.invoke4j.domain.field;

/** How a field may be fed, the schema's {@code input} extra. */
public enum InputKind {
  /** Only by an edge from another node's output. */
  CONNECTION,
  /** Only by a value typed in the node. */
  DIRECT,
  /** By a value or by an edge. */
  ANY
}
