package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One node of a workflow, with its input fields when it is an invocation. */
@Value.Immutable
@InvokeStyle
public interface WorkflowNode {
  /** Position in the workflow's {@code nodes} array. */
  int index();

  /** The node id. */
  String id();

  /** The node's kind: {@code invocation}, {@code notes} or {@code connector}. */
  String kind();

  /** The invocation type (e.g. {@code save_image}) for invocations, else the kind. */
  String type();

  /** The node's {@code data.label}, empty when it has none. */
  String label();

  /** JSONPath of the node, e.g. {@code $.nodes[3]}. */
  String jsonPath();

  /** The input fields of an invocation in file order; empty for notes and connectors. */
  List<WorkflowField> fields();

  /**
   * The node as the workflow holds it ({@code {id, type, data, position}}); read-only by agreement.
   * Left out of {@code equals} and {@code toString}, which the parsed attributes already cover.
   */
  @Value.Auxiliary
  JsonNode json();

  /** True for {@code invocation} nodes. */
  default boolean isInvocation() {
    return "invocation".equals(kind());
  }

  /** The field named {@code name}; empty when this node has none. */
  default Optional<WorkflowField> field(String name) {
    return fields().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The node's {@code data.label} when not blank, else its type: what the GUI shows as its title. */
  default String displayName() {
    return label().isBlank() ? type() : label();
  }
}
