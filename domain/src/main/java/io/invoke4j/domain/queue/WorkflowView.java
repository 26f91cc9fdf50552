package io.invoke4j.domain.queue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only helpers over the GUI's workflow JSON: node kinds and connector resolution, as the GUI's
 * {@code features/nodes/types/invocation.ts} and {@code store/util/connectorTopology.ts}.
 */
final class WorkflowView {
  /** Batch nodes, and the name of the collection input each one reads ({@code isBatchNodeType}). */
  static final Map<String, String> BATCH_COLLECTION_INPUTS = Map.of(
      "image_batch", "images",
      "string_batch", "strings",
      "integer_batch", "integers",
      "float_batch", "floats");

  /** Generator nodes ({@code isGeneratorNodeType}); exactly these four, not every "*_generator". */
  static final Set<String> GENERATOR_TYPES =
      Set.of("image_generator", "string_generator", "integer_generator", "float_generator");

  static final String CONNECTOR_IN = "in";
  static final String CONNECTOR_OUT = "out";

  /** An output or input handle of a node. */
  record Handle(String nodeId, String field) {}

  private final JsonNode workflow;
  private final List<JsonNode> nodes = new ArrayList<>();
  private final Map<String, JsonNode> nodesById = new LinkedHashMap<>();
  private final List<JsonNode> edges = new ArrayList<>();

  WorkflowView(JsonNode workflow) {
    this.workflow = requireNonNull(workflow, "workflow == null");
    if (!workflow.isObject()) {
      throw new IllegalArgumentException("workflow must be a JSON object, got " + workflow.getNodeType());
    }
    for (JsonNode node : workflow.path("nodes")) {
      String id = text(node, "id");
      if (id == null) {
        continue;
      }
      nodes.add(node);
      // Array.find in the GUI: the first node with an id wins.
      nodesById.putIfAbsent(id, node);
    }
    workflow.path("edges").forEach(edges::add);
  }

  JsonNode workflow() {
    return workflow;
  }

  List<JsonNode> nodes() {
    return nodes;
  }

  List<JsonNode> edges() {
    return edges;
  }

  Optional<JsonNode> node(String id) {
    return Optional.ofNullable(id == null ? null : nodesById.get(id));
  }

  static boolean isInvocation(JsonNode node) {
    return "invocation".equals(text(node, "type")) && node.path("data").isObject();
  }

  static boolean isConnector(JsonNode node) {
    return "connector".equals(text(node, "type"));
  }

  static String invocationType(JsonNode node) {
    String type = text(node.path("data"), "type");
    return type == null ? "" : type;
  }

  static boolean isBatch(JsonNode node) {
    return isInvocation(node) && BATCH_COLLECTION_INPUTS.containsKey(invocationType(node));
  }

  static boolean isGenerator(JsonNode node) {
    return isInvocation(node) && GENERATOR_TYPES.contains(invocationType(node));
  }

  /** An invocation that runs on the server: not a batch or generator node ({@code isExecutableNode}). */
  static boolean isExecutable(JsonNode node) {
    return isInvocation(node) && !isBatch(node) && !isGenerator(node);
  }

  static boolean isDefaultEdge(JsonNode edge) {
    return "default".equals(text(edge, "type"));
  }

  /**
   * The invocation output feeding a connector, following chains of connectors back; empty when the
   * chain is open, loops, or starts at anything but an invocation ({@code resolveConnectorSource}).
   */
  Optional<Handle> resolveConnectorSource(String connectorId) {
    Set<String> visited = new HashSet<>();
    String current = connectorId;
    while (visited.add(current)) {
      JsonNode incoming = connectorInputEdge(current);
      if (incoming == null) {
        return Optional.empty();
      }
      Optional<JsonNode> source = node(text(incoming, "source"));
      if (source.isEmpty()) {
        return Optional.empty();
      }
      if (isInvocation(source.get())) {
        return Optional.of(new Handle(text(source.get(), "id"), text(incoming, "sourceHandle")));
      }
      if (!isConnector(source.get())) {
        return Optional.empty();
      }
      current = text(source.get(), "id");
    }
    return Optional.empty();
  }

  /**
   * The invocation inputs a node output reaches, going forward through connectors (the server's
   * {@code _resolve_batch_destinations} in {@code workflow_call_batch.py}); in edge order.
   */
  List<Handle> resolveDestinations(String nodeId, String sourceHandle) {
    List<Handle> found = new ArrayList<>();
    Set<String> visitedConnectors = new HashSet<>();
    Deque<Handle> pending = new ArrayDeque<>();
    pending.add(new Handle(nodeId, sourceHandle));
    while (!pending.isEmpty()) {
      Handle from = pending.removeFirst();
      for (JsonNode edge : edges) {
        if (!isDefaultEdge(edge)
            || !from.nodeId().equals(text(edge, "source"))
            || !from.field().equals(text(edge, "sourceHandle"))) {
          continue;
        }
        String targetHandle = text(edge, "targetHandle");
        Optional<JsonNode> target = node(text(edge, "target"));
        if (targetHandle == null || target.isEmpty()) {
          continue;
        }
        String targetId = text(target.get(), "id");
        if (isInvocation(target.get())) {
          found.add(new Handle(targetId, targetHandle));
        } else if (isConnector(target.get()) && visitedConnectors.add(targetId)) {
          pending.addLast(new Handle(targetId, CONNECTOR_OUT));
        }
      }
    }
    return found;
  }

  /** The first default edge into a connector's {@code in} handle ({@code getConnectorInputEdge}). */
  private JsonNode connectorInputEdge(String connectorId) {
    for (JsonNode edge : edges) {
      if (isDefaultEdge(edge)
          && connectorId.equals(text(edge, "target"))
          && CONNECTOR_IN.equals(text(edge, "targetHandle"))
          && text(edge, "sourceHandle") != null) {
        return edge;
      }
    }
    return null;
  }

  /** The text of a string member, or null when it is absent or not a string. Internal use only. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
