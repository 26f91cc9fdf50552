package io.invoke4j.domain.queue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.queue.WorkflowView.Handle;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowEdge;
import io.invoke4j.domain.workflow.WorkflowField;
import io.invoke4j.domain.workflow.WorkflowNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the executable {@link Graph} of a GUI workflow exactly as the InvokeAI web UI does before it
 * enqueues (its {@code features/nodes/util/graph/buildNodesGraph.ts}).
 *
 * <ul>
 *   <li>Nodes: only executable invocations - not notes, connectors, batch nodes ({@code *_batch}) or
 *       the four generator nodes. Each becomes {@code {type, id, <input>: value..., use_cache,
 *       is_intermediate}} in that key order; an input whose {@code value} is absent is omitted (JSON
 *       {@code undefined}), an explicit {@code null} is sent as {@code null}.
 *   <li>Board inputs (see below) are translated; {@code call_saved_workflow} nodes get their
 *       {@code saved_workflow_input::<node>::<field>} inputs folded into {@code workflow_inputs}.
 *   <li>Edges: only {@code default} edges (UI-only {@code collapsed} ones are ignored) into an
 *       executable node, from an executable node or from a connector resolved back through chains of
 *       connectors (unresolved ones are dropped); duplicates removed, first kept.
 *   <li>Every input fed by an edge is removed from its node, so a stale literal cannot fail
 *       validation.
 * </ul>
 *
 * <p><b>Board inputs.</b> The GUI recognises a board input by its field <em>template</em>
 * ({@code BoardField}). Here the definition's {@link io.invoke4j.domain.field.FieldTyper} stands in for
 * the templates: an input is a board input exactly when its {@link WorkflowField#type()} is
 * {@link FieldType.Kind#BOARD}, so the form, {@code withValue} and the graph never disagree about
 * which inputs are boards (offline that is the built-in nodes' schema table, then the names
 * {@code board} and {@code *_board} and the value shape {@code {"board_id": "..."}}; a typer built
 * from the server's schema makes it the GUI's rule). Its value then maps as the GUI's {@code getBoardField}:
 * {@code "auto"} or empty/absent to {@link GraphOptions#autoAddBoardId()} as {@code {"board_id"}} (or
 * omitted when none is set), {@code "none"} to omitted, {@code {"board_id"}} kept.
 *
 * <p>Edges are the definition's parsed edges: a file whose edges the GUI would refuse (no
 * {@code type}, a connection without handles) does not load, and edges to missing nodes were already
 * dropped with a warning, so nothing here re-decides what an edge is.
 *
 * <p><b>Not reproduced:</b> the GUI drops nodes whose type has no template and inputs that have no
 * field template (except on {@code core_metadata}); without templates we keep them all, so a workflow
 * saved by an older GUI may carry an input the server no longer knows.
 */
public final class GraphBuilder {
  static final String SAVED_WORKFLOW_INPUT_PREFIX = "saved_workflow_input::";
  private static final String CALL_SAVED_WORKFLOW = "call_saved_workflow";
  private static final String WORKFLOW_INPUTS = "workflow_inputs";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private GraphBuilder() {}

  /** The graph of {@code workflow} with the {@linkplain GraphOptions#defaults() default options}. */
  public static Graph build(JsonNode workflow) {
    return build(workflow, GraphOptions.defaults());
  }

  /**
   * The graph of {@code workflow}, read into a {@link WorkflowDefinition} first; prefer
   * {@link #build(WorkflowDefinition, GraphOptions)} when you hold one.
   *
   * @param workflow the GUI's workflow JSON (not changed)
   * @throws IllegalArgumentException if {@code workflow} is not a JSON object
   * @throws io.invoke4j.domain.workflow.WorkflowFormatException if it is not a workflow the GUI would load
   */
  public static Graph build(JsonNode workflow, GraphOptions options) {
    requireNonNull(workflow, "workflow == null");
    requireNonNull(options, "options == null");
    if (!workflow.isObject()) {
      throw new IllegalArgumentException("workflow must be a JSON object, got " + workflow.getNodeType());
    }
    return build(WorkflowDefinition.fromJsonNode(workflow), options);
  }

  /** The graph of an already read workflow; the definition is not changed. */
  public static Graph build(WorkflowDefinition workflow, GraphOptions options) {
    requireNonNull(workflow, "workflow == null");
    requireNonNull(options, "options == null");
    return build(new WorkflowView(workflow), options);
  }

  static Graph build(WorkflowView view, GraphOptions options) {
    Set<String> executable = new HashSet<>();
    for (WorkflowNode node : view.nodes()) {
      if (WorkflowView.isExecutable(node)) {
        executable.add(node.id());
      }
    }
    List<Edge> edgeList = edges(view, executable);
    Map<String, List<String>> fed = new HashMap<>();
    for (Edge edge : edgeList) {
      fed.computeIfAbsent(edge.destination().nodeId(), id -> new ArrayList<>(4))
          .add(edge.destination().field());
    }
    Optional<String> board = options.autoAddBoardId();
    ObjectNode nodes = JSON.objectNode();
    for (WorkflowNode node : view.nodes()) {
      if (WorkflowView.isExecutable(node)) {
        List<String> removed = fed.getOrDefault(node.id(), List.of());
        nodes.set(node.id(), BUILT_NODES.get(node,
            built -> built.removed().equals(removed) && built.board().equals(board),
            n -> new BuiltNode(removed, board, graphNode(n, removed, options))).json());
      }
    }
    ArrayNode edges = BUILT_EDGES.get(view.edges(), built -> built.edges().equals(edgeList),
        e -> new BuiltEdges(edgeList, edgesJson(edgeList))).json();
    String id = requireNonNull(options.idSupplier().get(), "idSupplier returned null");
    return ImmutableGraph.of(id, nodes, edges);
  }

  /**
   * Graph nodes and edge arrays already built, per workflow node and edge list (both immutable and
   * shared by {@link WorkflowDefinition#withValue} copies): a submission builds only the nodes a
   * {@code withValue} replaced, and unchanged parts keep their identity, so the wire body reuses their
   * encoded text too. Each entry records what else it was built from and is used only when that
   * matches. The trees are read-only by agreement ({@link Graph}).
   */
  private record BuiltNode(List<String> removed, Optional<String> board, ObjectNode json) {}

  private record BuiltEdges(List<Edge> edges, ArrayNode json) {}

  private static final IdentityCache<WorkflowNode, BuiltNode> BUILT_NODES = new IdentityCache<>(1024);
  private static final IdentityCache<List<WorkflowEdge>, BuiltEdges> BUILT_EDGES = new IdentityCache<>(64);

  private static ArrayNode edgesJson(List<Edge> edgeList) {
    ArrayNode edges = JSON.arrayNode(edgeList.size());
    for (Edge edge : edgeList) {
      edges.add(edge.toJson());
    }
    return edges;
  }

  /** The graph node with the inputs fed by edges removed (in edge order). */
  private static ObjectNode graphNode(WorkflowNode node, List<String> fedFields, GraphOptions options) {
    ObjectNode destination = graphNode(node, options);
    for (String field : fedFields) {
      JsonNode workflowInputs = destination.get(WORKFLOW_INPUTS);
      if (CALL_SAVED_WORKFLOW.equals(destination.path("type").asText())
          && field.startsWith(SAVED_WORKFLOW_INPUT_PREFIX)
          && workflowInputs != null
          && workflowInputs.isObject()) {
        // the edge keeps the dynamic field name as destination; the server accepts it
        ((ObjectNode) workflowInputs).remove(field);
      } else {
        destination.remove(field);
      }
    }
    return destination;
  }

  /**
   * The graph node. Values are shared with the workflow, not copied: both are read-only by agreement,
   * and {@link Graph#toJson()} copies on the way out, so a build per submission copies nothing.
   */
  private static ObjectNode graphNode(WorkflowNode node, GraphOptions options) {
    String type = node.type();
    ObjectNode graphNode = JSON.objectNode();
    graphNode.put("type", type);
    graphNode.put("id", node.id());
    boolean callsWorkflow = CALL_SAVED_WORKFLOW.equals(type);
    for (WorkflowField input : node.fields()) {
      String name = input.name();
      JsonNode value = input.json().get("value");
      if (callsWorkflow && name.equals(WORKFLOW_INPUTS)) {
        continue;
      }
      if (callsWorkflow && name.startsWith(SAVED_WORKFLOW_INPUT_PREFIX)) {
        JsonNode folded = graphNode.get(WORKFLOW_INPUTS);
        ObjectNode workflowInputs = folded instanceof ObjectNode
            ? (ObjectNode) folded : graphNode.putObject(WORKFLOW_INPUTS);
        if (value != null) {
          workflowInputs.set(name, value);
        }
        continue;
      }
      if (input.type().kind() == FieldType.Kind.BOARD) {
        boardValue(value, options).ifPresentOrElse(
            board -> graphNode.set(name, board), () -> graphNode.remove(name));
      } else if (value != null) {
        graphNode.set(name, value);
      } else {
        graphNode.remove(name);
      }
    }
    if (callsWorkflow && !graphNode.has(WORKFLOW_INPUTS)) {
      graphNode.putObject(WORKFLOW_INPUTS);
    }
    JsonNode data = node.json().get("data");
    copyIfPresent(data, "useCache", graphNode, "use_cache");
    copyIfPresent(data, "isIntermediate", graphNode, "is_intermediate");
    return graphNode;
  }

  private static void copyIfPresent(JsonNode from, String fromName, ObjectNode to, String toName) {
    JsonNode value = from.get(fromName);
    if (value != null) {
      to.set(toName, value);
    } else {
      to.remove(toName);
    }
  }

  /** The GUI's {@code getBoardField}: empty means "omit the input". */
  static Optional<JsonNode> boardValue(JsonNode value, GraphOptions options) {
    boolean empty = value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())
        || (value.isBoolean() && !value.asBoolean());
    if (empty || (value.isTextual() && value.asText().equals("auto"))) {
      return options.autoAddBoardId().map(board -> JSON.objectNode().put("board_id", board));
    }
    if (value.isTextual() && value.asText().equals("none")) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** The flattened, de-duplicated edges between nodes of the graph, in workflow edge order. */
  private static List<Edge> edges(WorkflowView view, Set<String> graphNodes) {
    Set<Edge> edges = new LinkedHashSet<>();
    for (WorkflowEdge edge : view.edges()) {
      if (!edge.isConnection()) {
        continue;
      }
      WorkflowNode target = view.node(edge.target()).orElseThrow();
      if (!WorkflowView.isExecutable(target)) {
        continue;
      }
      WorkflowNode source = view.node(edge.source()).orElseThrow();
      Optional<Handle> from;
      if (source.isInvocation()) {
        from = WorkflowView.isExecutable(source)
            ? Optional.of(new Handle(source.id(), edge.sourceHandle().orElseThrow()))
            : Optional.empty();
      } else if (WorkflowView.isConnector(source)) {
        from = view.resolveConnectorSource(source.id());
      } else {
        from = Optional.empty();
      }
      if (from.isEmpty() || !graphNodes.contains(from.get().nodeId())) {
        continue;
      }
      edges.add(new Edge(from.get(), new Handle(target.id(), edge.targetHandle().orElseThrow())));
    }
    return new ArrayList<>(edges);
  }

  /** A graph edge; equality is what the GUI de-duplicates on. */
  record Edge(Handle source, Handle destination) {
    ObjectNode toJson() {
      ObjectNode json = JSON.objectNode();
      json.putObject("source").put("node_id", source.nodeId()).put("field", source.field());
      json.putObject("destination")
          .put("node_id", destination.nodeId()).put("field", destination.field());
      return json;
    }
  }
}
