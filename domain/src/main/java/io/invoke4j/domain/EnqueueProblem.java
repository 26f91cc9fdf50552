package io.invoke4j.domain;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One problem the server found in an enqueue body (one entry of a 422's {@code detail}), with its
 * location mapped to the graph node and field and, when that field is a form input, to the input.
 */
@Value.Immutable
@InvokeStyle
public interface EnqueueProblem {
  /** The server's location, e.g. {@code [body, batch, graph, nodes, <id>, integer, value]}. */
  List<String> loc();

  /** The server's error type, e.g. {@code int_parsing}, {@code missing}. */
  String type();

  /** The server's message, e.g. {@code Input should be a valid integer}. */
  String message();

  /** The graph node the location points into. */
  Optional<String> nodeId();

  /** The field of that node. */
  Optional<String> field();

  /** The form input showing that node field, when it is one. */
  Optional<Integer> inputIndex();

  /** The input's label, when the problem is on a form input. */
  Optional<String> inputLabel();

  /** One line: where, then the server's message. */
  default String describe() {
    StringBuilder where = new StringBuilder();
    inputIndex().ifPresent(i -> where.append("input ").append(i)
        .append(inputLabel().map(l -> " \"" + l + "\"").orElse("")).append(" ("));
    if (nodeId().isPresent()) {
      where.append("node ").append(nodeId().get());
      field().ifPresent(f -> where.append(", field ").append(f));
    } else {
      where.append(String.join(".", loc()));
    }
    inputIndex().ifPresent(i -> where.append(")"));
    return where + ": " + message() + " [" + type() + "]";
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnqueueProblem}. */
  final class Builder extends ImmutableEnqueueProblem.Builder {}
}
