package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.field.Cardinality;
import io.invoke4j.domain.field.InputKind;
import io.invoke4j.domain.field.NodeTemplate;
import io.invoke4j.domain.field.OutputTemplate;
import io.invoke4j.domain.workflow.WorkflowLoad.Edge;
import io.invoke4j.domain.workflow.WorkflowLoad.Input;
import io.invoke4j.domain.workflow.WorkflowLoad.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The GUI's rules for one connection, as it checks each edge of a workflow it opens against the
 * edges kept so far ({@code store/util/validateConnection.ts} with {@code validateConnectionTypes.ts},
 * {@code getCollectItemType.ts}, {@code getHasCycles.ts} and {@code connectorTopology.ts}). Each
 * refusal is the reason in words; empty means the connection is valid.
 */
final class ConnectionRules {
  private final Map<String, JsonNode> nodes;
  private final Function<JsonNode, Optional<NodeTemplate>> templates;

  ConnectionRules(Map<String, JsonNode> nodes, Function<JsonNode, Optional<NodeTemplate>> templates) {
    this.nodes = nodes;
    this.templates = templates;
  }

  /** Where a connector's value comes from: the first invocation up its chain of {@code in} edges. */
  record Source(String nodeId, String handle) {}

  /** A resolved source with its output's type. */
  private record Effective(JsonNode node, String handle, Type type) {}

  /** Why {@link #effective} found no usable source; {@code null} result means an unresolved connector. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
      super(reason, null, false, false);
    }
  }

  Optional<String> validate(String source, String sourceHandle, String target, String targetHandle, List<Edge> edges) {
    try {
      return Optional.ofNullable(check(source, sourceHandle, target, targetHandle, edges));
    } catch (Refusal r) {
      return Optional.of(r.getMessage());
    }
  }

  private String check(String source, String sourceHandle, String target, String targetHandle, List<Edge> edges)
      throws Refusal {
    if (source.equals(target)) {
      return "a node cannot connect to itself";
    }
    for (Edge e : edges) {
      if (e.target().equals(target) && targetHandle.equals(e.targetHandle()) && e.source().equals(source)
          && sourceHandle.equals(e.sourceHandle())) {
        return "duplicate connection";
      }
    }
    JsonNode targetNode = nodes.get(target);
    JsonNode sourceNode = nodes.get(source);
    if (targetNode == null) {
      return "missing node " + target;
    }
    Effective effective = effective(source, sourceHandle, edges);
    if (isConnector(targetNode)) {
      if (!targetHandle.equals(WorkflowLoad.CONNECTOR_IN)) {
        return "a connector has no input " + targetHandle;
      }
      if (hasTargetEdge(edges, target, targetHandle)) {
        return "input may only have one connection";
      }
      if (effective != null) {
        Set<Edge> subgraph = connectorSubgraph(target, edges);
        List<Edge> staged = new ArrayList<>(edges);
        staged.removeAll(subgraph);
        for (Edge terminal : terminalTargets(target, edges)) {
          String downstream = check(source, sourceHandle, terminal.target(), terminal.targetHandle(), staged);
          if (downstream != null) {
            return downstream;
          }
        }
      }
      return null; // unresolved connector chains may end on another connector
    }
    if (!WorkflowLoad.isInvocation(targetNode)) {
      return "missing invocation template for " + target;
    }
    NodeTemplate targetTemplate = templates.apply(targetNode)
        .orElseThrow(() -> new Refusal("missing invocation template for " + target));
    Input targetInput = WorkflowLoad.inputOf(targetNode, targetTemplate, targetHandle)
        .orElseThrow(() -> new Refusal("missing field template " + target + "." + targetHandle));
    if (targetInput.input() == InputKind.DIRECT) {
      return "cannot connect to direct input " + targetHandle;
    }
    if (effective == null) {
      if (sourceNode != null && isConnector(sourceNode) && sourceHandle.equals(WorkflowLoad.CONNECTOR_OUT)) {
        // an unfed connector: what it already feeds constrains what else it may feed
        for (Edge terminal : terminalTargets(source, edges)) {
          if (terminal.target().equals(target) && targetHandle.equals(terminal.targetHandle())) {
            continue;
          }
          JsonNode constrained = nodes.get(terminal.target());
          if (constrained == null || !WorkflowLoad.isInvocation(constrained)) {
            return "missing invocation template for " + terminal.target();
          }
          NodeTemplate constrainedTemplate = templates.apply(constrained)
              .orElseThrow(() -> new Refusal("missing invocation template for " + terminal.target()));
          Type constrainedType = constrainedTemplate.input(terminal.targetHandle()).map(Type::of)
              .orElseThrow(() -> new Refusal("missing field template " + terminal.target() + "." + terminal.targetHandle()));
          if (!compatible(constrainedType, targetInput.type())) {
            return typesMustMatch(constrainedType, targetInput.type());
          }
        }
        return null;
      }
      return "field types must match";
    }
    Type sourceType = effective.type();
    String resolvedType = WorkflowLoad.nodeType(effective.node());
    String targetType = WorkflowLoad.nodeType(targetNode);
    if (targetType.equals("collect") && targetHandle.equals("item")) {
      Optional<Type> itemType = collectItemType(target, edges);
      if (itemType.isPresent() && !itemType.get().equals(sourceType)) {
        return "cannot mix and match collection item types";
      }
    }
    if (resolvedType.equals("collect") && effective.handle().equals("collection") && targetType.equals("collect")
        && targetHandle.equals("collection")) {
      Optional<Type> a = collectItemType(effective.node().path("id").asText(), edges);
      Optional<Type> b = collectItemType(target, edges);
      if (a.isPresent() && b.isPresent() && !a.get().equals(b.get())) {
        return "cannot mix and match collection item types";
      }
    }
    if (targetType.equals("if") && (targetHandle.equals("true_input") || targetHandle.equals("false_input"))) {
      String sibling = targetHandle.equals("true_input") ? "false_input" : "true_input";
      for (Edge e : edges) {
        if (e.target().equals(target) && sibling.equals(e.targetHandle())) {
          Effective other = e.isDefault() ? effective(e.source(), e.sourceHandle(), edges) : null;
          if (other == null) {
            return "field types must match";
          }
          if (!compatible(sourceType, other.type())) {
            return typesMustMatch(sourceType, other.type());
          }
          break;
        }
      }
    }
    if (hasTargetEdge(edges, target, targetHandle) && !targetInput.type().name().equals("CollectionItemField")) {
      return "input may only have one connection";
    }
    if (resolvedType.equals("if") && effective.handle().equals("value")) {
      List<Type> ifInputs = new ArrayList<>();
      for (Edge e : edges) {
        if (e.target().equals(effective.node().path("id").asText())
            && ("true_input".equals(e.targetHandle()) || "false_input".equals(e.targetHandle()))) {
          try {
            Effective in = e.isDefault() ? effective(e.source(), e.sourceHandle(), edges) : null;
            if (in != null) {
              ifInputs.add(in.type());
            }
          } catch (Refusal ignored) {
            // the GUI skips if-inputs it cannot type
          }
        }
      }
      boolean ok = ifInputs.isEmpty() ? typesConnect(sourceType, targetInput.type())
          : ifInputs.stream().allMatch(t -> typesConnect(t, targetInput.type()));
      if (!ok) {
        return typesMustMatch(sourceType, targetInput.type());
      }
    } else if (!typesConnect(sourceType, targetInput.type())) {
      return typesMustMatch(sourceType, targetInput.type());
    }
    if (createsCycle(source, target, edges)) {
      return "connection would create a cycle";
    }
    return null;
  }

  private static String typesMustMatch(Type source, Type target) {
    return "field types must match (" + show(source) + " to " + show(target) + ")";
  }

  private static String show(Type t) {
    return t.name() + (t.cardinality() == Cardinality.SINGLE ? "" : "[" + t.cardinality() + "]") + (t.batch() ? " batch" : "");
  }

  /** {@code getEffectiveSource}: null for a connector with no resolved source. */
  private Effective effective(String sourceId, String handle, List<Edge> edges) throws Refusal {
    JsonNode node = nodes.get(sourceId);
    if (node == null) {
      throw new Refusal("missing node " + sourceId);
    }
    if (isConnector(node)) {
      if (!handle.equals(WorkflowLoad.CONNECTOR_OUT)) {
        throw new Refusal("a connector has no output " + handle);
      }
      Optional<Source> resolved = resolveConnector(sourceId, nodes, edges);
      if (resolved.isEmpty()) {
        return null;
      }
      return effective(resolved.get().nodeId(), resolved.get().handle(), edges);
    }
    if (!WorkflowLoad.isInvocation(node)) {
      throw new Refusal("missing invocation template for " + sourceId);
    }
    NodeTemplate template = templates.apply(node)
        .orElseThrow(() -> new Refusal("missing invocation template for " + sourceId));
    OutputTemplate output = template.output(handle)
        .orElseThrow(() -> new Refusal("missing field template " + sourceId + "." + handle));
    return new Effective(node, handle, Type.of(output));
  }

  /** {@code resolveConnectorSource}: follows {@code in} edges back through connectors. */
  static Optional<Source> resolveConnector(String connectorId, Map<String, JsonNode> nodes, List<Edge> edges) {
    Set<String> visited = new HashSet<>();
    String current = connectorId;
    while (visited.add(current)) {
      JsonNode currentNode = nodes.get(current);
      if (currentNode == null || !isConnector(currentNode)) {
        return Optional.empty();
      }
      Edge incoming = null;
      for (Edge e : edges) {
        if (e.isDefault() && e.target().equals(current) && WorkflowLoad.CONNECTOR_IN.equals(e.targetHandle())
            && e.sourceHandle() != null) {
          incoming = e;
          break;
        }
      }
      if (incoming == null) {
        return Optional.empty();
      }
      JsonNode source = nodes.get(incoming.source());
      if (source == null) {
        return Optional.empty();
      }
      if (WorkflowLoad.isInvocation(source)) {
        return Optional.of(new Source(source.path("id").asText(), incoming.sourceHandle()));
      }
      current = incoming.source();
    }
    return Optional.empty();
  }

  /** {@code getConnectorTerminalTargetEdges}: the non-connector edges a connector's chain ends in. */
  private List<Edge> terminalTargets(String connectorId, List<Edge> edges) {
    List<Edge> out = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(connectorId);
    while (!todo.isEmpty()) {
      String current = todo.poll();
      if (!visited.add(current)) {
        continue;
      }
      for (Edge e : edges) {
        if (e.isDefault() && e.source().equals(current) && WorkflowLoad.CONNECTOR_OUT.equals(e.sourceHandle())
            && e.targetHandle() != null) {
          JsonNode next = nodes.get(e.target());
          if (next != null && isConnector(next)) {
            todo.add(e.target());
          } else {
            out.add(e);
          }
        }
      }
    }
    return out;
  }

  /** {@code getConnectorSubgraphEdgeIds}: every edge leaving the connector's chain. */
  private Set<Edge> connectorSubgraph(String connectorId, List<Edge> edges) {
    Set<Edge> out = new HashSet<>();
    Set<String> visited = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(connectorId);
    while (!todo.isEmpty()) {
      String current = todo.poll();
      if (!visited.add(current)) {
        continue;
      }
      for (Edge e : edges) {
        if (e.isDefault() && e.source().equals(current) && WorkflowLoad.CONNECTOR_OUT.equals(e.sourceHandle())
            && e.targetHandle() != null) {
          out.add(e);
          JsonNode next = nodes.get(e.target());
          if (next != null && isConnector(next)) {
            todo.add(e.target());
          }
        }
      }
    }
    return out;
  }

  /** {@code getCollectItemType}: the type of the items a collect node already collects. */
  private Optional<Type> collectItemType(String collectId, List<Edge> edges) {
    Set<String> visited = new HashSet<>();
    String current = collectId;
    while (visited.add(current)) {
      Edge item = firstTargetEdge(edges, current, "item");
      if (item != null && item.sourceHandle() != null) {
        return outputType(item.source(), item.sourceHandle()).flatMap(ConnectionRules::itemType);
      }
      Edge collection = firstTargetEdge(edges, current, "collection");
      if (collection == null || collection.sourceHandle() == null) {
        return Optional.empty();
      }
      JsonNode source = nodes.get(collection.source());
      if (source == null) {
        return Optional.empty();
      }
      if (WorkflowLoad.nodeType(source).equals("collect") && collection.sourceHandle().equals("collection")) {
        current = collection.source();
        continue;
      }
      return outputType(collection.source(), collection.sourceHandle()).flatMap(ConnectionRules::itemType);
    }
    return Optional.empty();
  }

  private Optional<Type> outputType(String nodeId, String handle) {
    JsonNode node = nodes.get(nodeId);
    if (node == null) {
      return Optional.empty();
    }
    return templates.apply(node).flatMap(t -> t.output(handle)).map(Type::of);
  }

  private static Optional<Type> itemType(Type type) {
    if (type.name().equals("CollectionField")) {
      return Optional.empty();
    }
    return Optional.of(type.cardinality() == Cardinality.SINGLE ? type : type.single());
  }

  private static Edge firstTargetEdge(List<Edge> edges, String target, String handle) {
    for (Edge e : edges) {
      if (e.target().equals(target) && handle.equals(e.targetHandle())) {
        return e;
      }
    }
    return null;
  }

  private static boolean hasTargetEdge(List<Edge> edges, String target, String handle) {
    return firstTargetEdge(edges, target, handle) != null;
  }

  /** {@code getHasCycles}: whether the edges plus source→target have a cycle (any edge type counts). */
  private boolean createsCycle(String source, String target, List<Edge> edges) {
    Map<String, List<String>> out = new HashMap<>();
    for (Edge e : edges) {
      out.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e.target());
    }
    // a cycle through the new edge means source is reachable from target
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(target);
    while (!todo.isEmpty()) {
      String current = todo.pop();
      if (current.equals(source)) {
        return true;
      }
      if (seen.add(current)) {
        out.getOrDefault(current, List.of()).forEach(todo::push);
      }
    }
    return hasCycle(out);
  }

  private static boolean hasCycle(Map<String, List<String>> out) {
    Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
    for (String start : out.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<Object[]> stack = new ArrayDeque<>();
      stack.push(new Object[] {start, 0});
      state.put(start, 1);
      while (!stack.isEmpty()) {
        Object[] frame = stack.peek();
        List<String> next = out.getOrDefault((String) frame[0], List.of());
        int i = (Integer) frame[1];
        if (i == next.size()) {
          state.put((String) frame[0], 2);
          stack.pop();
          continue;
        }
        frame[1] = i + 1;
        Integer s = state.get(next.get(i));
        if (s == null) {
          state.put(next.get(i), 1);
          stack.push(new Object[] {next.get(i), 0});
        } else if (s == 1) {
          return true;
        }
      }
    }
    return false;
  }

  /** The GUI's {@code areFieldTypesCompatible}: either direction connects, or single vs list of one base type. */
  static boolean compatible(Type a, Type b) {
    return typesConnect(a, b) || typesConnect(b, a) || (a.batch() == b.batch() && a.name().equals(b.name())
        && ((a.cardinality() == Cardinality.SINGLE && b.cardinality() == Cardinality.COLLECTION)
            || (a.cardinality() == Cardinality.COLLECTION && b.cardinality() == Cardinality.SINGLE)));
  }

  /** {@code validateConnectionTypes}. */
  static boolean typesConnect(Type source, Type target) {
    if (source.equals(target)) {
      return true;
    }
    if (source.batch() != target.batch()) {
      return false;
    }
    boolean sourceSingle = source.cardinality() == Cardinality.SINGLE;
    boolean targetSingle = target.cardinality() == Cardinality.SINGLE;
    boolean sourceCollection = source.cardinality() == Cardinality.COLLECTION;
    boolean targetCollection = target.cardinality() == Cardinality.COLLECTION;
    boolean sourceEither = source.cardinality() == Cardinality.SINGLE_OR_COLLECTION;
    boolean targetEither = target.cardinality() == Cardinality.SINGLE_OR_COLLECTION;
    boolean cardinalityMatches = (sourceSingle && targetSingle) || (sourceCollection && targetCollection)
        || (sourceCollection && targetEither) || (sourceEither && targetEither) || (sourceSingle && targetEither);
    String s = source.name();
    String t = target.name();
    boolean subType = cardinalityMatches && ((s.equals("IntegerField") && t.equals("FloatField"))
        || (s.equals("IntegerField") && t.equals("StringField")) || (s.equals("FloatField") && t.equals("StringField")));
    return (s.equals("CollectionItemField") && !targetCollection)
        || (sourceSingle && t.equals("CollectionItemField"))
        || (targetEither && s.equals(t))
        || (s.equals("CollectionField") && !targetSingle)
        || (t.equals("CollectionField") && sourceCollection)
        || subType
        || t.equals("AnyField")
        || (s.equals("AnyField") && cardinalityMatches);
  }

  private static boolean isConnector(JsonNode node) {
    return "connector".equals(node.path("type").asText());
  }
}
