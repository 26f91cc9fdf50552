package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/**
 * An executable InvokeAI graph: {@code {"id", "nodes": {<id>: {id, type, ...inputs}}, "edges": [...]}}.
 *
 * <p>The JSON attributes are read-only by agreement: {@code deepCopy()} before changing one.
 */
@Value.Immutable(builder = false)
@InvokeStyle
public interface Graph {
  /** The graph id sent to the server (a fresh UUID unless a supplier says otherwise). */
  @Value.Parameter
  String id();

  /** The nodes, keyed by node id, in the workflow's node order. */
  @Value.Parameter
  ObjectNode nodes();

  /** The edges, each {@code {"source": {node_id, field}, "destination": {node_id, field}}}. */
  @Value.Parameter
  ArrayNode edges();

  /** A graph of these parts; the JSON is copied so later changes to the arguments do not leak in. */
  static Graph of(String id, ObjectNode nodes, ArrayNode edges) {
    return ImmutableGraph.of(id, nodes.deepCopy(), edges.deepCopy());
  }

  /** The graph as the server expects it: {@code {"id", "nodes", "edges"}} (a fresh copy). */
  default ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", id());
    json.set("nodes", nodes().deepCopy());
    json.set("edges", edges().deepCopy());
    return json;
  }
}
