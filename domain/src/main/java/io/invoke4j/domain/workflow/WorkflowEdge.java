package io.invoke4j.domain.workflow;

import io.invoke4j.domain.InvokeStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One edge of a workflow as read and checked on load. Edges to nodes that do not exist are already
 * gone (dropped with a warning, as the GUI does), so {@link #source()} and {@link #target()} always
 * name nodes of the workflow.
 */
@Value.Immutable
@InvokeStyle
public interface WorkflowEdge {
  /** Position in the workflow's {@code edges} array (after dangling edges were dropped). */
  int index();

  /** The edge's {@code type}: {@code default} (a real connection) or {@code collapsed} (UI only). */
  String type();

  /** The id of the node the edge leaves. */
  String source();

  /** The output field it leaves from; present exactly for connections. */
  Optional<String> sourceHandle();

  /** The id of the node the edge enters. */
  String target();

  /** The input field it enters; present exactly for connections. */
  Optional<String> targetHandle();

  /**
   * True for {@code default} edges, the only ones that carry a value; {@code collapsed} edges only
   * summarise hidden connections between collapsed nodes in the editor.
   */
  default boolean isConnection() {
    return "default".equals(type());
  }
}
