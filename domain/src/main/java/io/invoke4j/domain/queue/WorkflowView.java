package io.invoke4j.domain.queue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowEdge;
import io.invoke4j.domain.workflow.WorkflowNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Node kinds and connector resolution over an already read {@link WorkflowDefinition}, as the GUI's
 * {@code features/nodes/types/invocation.ts} and {@code store/util/connectorTopology.ts}. It reads
 * the definition's parsed nodes and edges and never the JSON again, so the graph, the batch data and
 * the form inputs all rest on one reading of the file.
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

  private final WorkflowDefinition workflow;

  WorkflowView(WorkflowDefinition workflow) {
    this.workflow = requireNonNull(workflow, "workflow == null");
  }

  WorkflowDefinition workflow() {
    return workflow;
  }

  List<WorkflowNode> nodes() {
    return workflow.nodes();
  }

  List<WorkflowEdge> edges() {
    return workflow.edges();
  }

  Optional<WorkflowNode> node(String id) {
    return workflow.node(id);
  }

  static boolean isConnector(WorkflowNode node) {
    return "connector".equals(node.kind());
  }

  static boolean isBatch(WorkflowNode node) {
    return node.isInvocation() && BATCH_COLLECTION_INPUTS.containsKey(node.type());
  }

  static boolean isGenerator(WorkflowNode node) {
    return node.isInvocation() && GENERATOR_TYPES.contains(node.type());
  }

  /** An invocation that runs on the server: not a batch or generator node ({@code isExecutableNode}). */
  static boolean isExecutable(WorkflowNode node) {
    return node.isInvocation() && !isBatch(node) && !isGenerator(node);
  }

  /**
   * The invocation output feeding a connector, following chains of connectors back; empty when the
   * chain is open, loops, or starts at anything but an invocation ({@code resolveConnectorSource}).
   */
  Optional<Handle> resolveConnectorSource(String connectorId) {
    Set<String> visited = new HashSet<>();
    String current = connectorId;
    while (visited.add(current)) {
      WorkflowEdge incoming = connectorInputEdge(current);
      if (incoming == null) {
        return Optional.empty();
      }
      WorkflowNode source = node(incoming.source()).orElseThrow();
      if (source.isInvocation()) {
        return Optional.of(new Handle(source.id(), incoming.sourceHandle().orElseThrow()));
      }
      if (!isConnector(source)) {
        return Optional.empty();
      }
      current = source.id();
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
      for (WorkflowEdge edge : edges()) {
        if (!edge.isConnection()
            || !from.nodeId().equals(edge.source())
            || !from.field().equals(edge.sourceHandle().orElseThrow())) {
          continue;
        }
        WorkflowNode target = node(edge.target()).orElseThrow();
        if (target.isInvocation()) {
          found.add(new Handle(target.id(), edge.targetHandle().orElseThrow()));
        } else if (isConnector(target) && visitedConnectors.add(target.id())) {
          pending.addLast(new Handle(target.id(), CONNECTOR_OUT));
        }
      }
    }
    return found;
  }

  /** The first connection into a connector's {@code in} handle ({@code getConnectorInputEdge}). */
  private WorkflowEdge connectorInputEdge(String connectorId) {
    for (WorkflowEdge edge : edges()) {
      if (edge.isConnection()
          && connectorId.equals(edge.target())
          && CONNECTOR_IN.equals(edge.targetHandle().orElseThrow())) {
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
