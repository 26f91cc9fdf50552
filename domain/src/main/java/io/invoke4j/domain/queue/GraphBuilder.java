package io.invoke4j.domain.queue;

import static io.invoke4j.domain.queue.WorkflowView.text;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.queue.WorkflowView.Handle;
import java.util.ArrayList;
import java.util.Iterator;
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
 * <p><b>Board inputs offline.</b> The GUI recognises a board input by its field <em>template</em>
 * ({@code BoardField}), which we do not have without the server's OpenAPI schema. We treat an input as
 * a board input when it is named {@code board} (every built-in node with a board uses that name, and
 * the server's own {@code workflow_graph_builder.py} relies on it too) or when its value has the board
 * shape {@code {"board_id": "..."}}. Its value then maps as the GUI's {@code getBoardField}:
 * {@code "auto"} or empty/absent to {@link GraphOptions#autoAddBoardId()} as {@code {"board_id"}} (or
 * omitted when none is set), {@code "none"} to omitted, {@code {"board_id"}} kept.
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
   * The graph of {@code workflow}.
   *
   * @param workflow the GUI's workflow JSON (not changed)
   * @throws IllegalArgumentException if {@code workflow} is not a JSON object
   */
  public static Graph build(JsonNode workflow, GraphOptions options) {
    requireNonNull(options, "options == null");
    return build(new WorkflowView(workflow), options);
  }

  static Graph build(WorkflowView view, GraphOptions options) {
    ObjectNode nodes = JSON.objectNode();
    for (JsonNode node : view.nodes()) {
      if (WorkflowView.isExecutable(node)) {
        String id = text(node, "id");
        // Object.assign in the GUI: a later node with the same id replaces the earlier one.
        nodes.set(id, graphNode(id, node.get("data"), options));
      }
    }
    ArrayNode edges = JSON.arrayNode();
    for (Edge edge : edges(view, nodes)) {
      edges.add(edge.toJson());
      ObjectNode destination = (ObjectNode) nodes.get(edge.destination().nodeId());
      String field = edge.destination().field();
      JsonNode workflowInputs = destination.get(WORKFLOW_INPUTS);
      if (CALL_SAVED_WORKFLOW.equals(text(destination, "type"))
          && field.startsWith(SAVED_WORKFLOW_INPUT_PREFIX)
          && workflowInputs != null
          && workflowInputs.isObject()) {
        // the edge keeps the dynamic field name as destination; the server accepts it
        ((ObjectNode) workflowInputs).remove(field);
      } else {
        destination.remove(field);
      }
    }
    String id = requireNonNull(options.idSupplier().get(), "idSupplier returned null");
    return ImmutableGraph.of(id, nodes, edges);
  }

  private static ObjectNode graphNode(String id, JsonNode data, GraphOptions options) {
    String type = text(data, "type") == null ? "" : text(data, "type");
    ObjectNode graphNode = JSON.objectNode();
    graphNode.put("type", type);
    graphNode.put("id", id);
    boolean callsWorkflow = CALL_SAVED_WORKFLOW.equals(type);
    Iterator<Map.Entry<String, JsonNode>> inputs = data.path("inputs").fields();
    while (inputs.hasNext()) {
      Map.Entry<String, JsonNode> input = inputs.next();
      String name = input.getKey();
      JsonNode value = input.getValue().get("value");
      if (callsWorkflow && name.equals(WORKFLOW_INPUTS)) {
        continue;
      }
      if (callsWorkflow && name.startsWith(SAVED_WORKFLOW_INPUT_PREFIX)) {
        JsonNode folded = graphNode.get(WORKFLOW_INPUTS);
        ObjectNode workflowInputs = folded instanceof ObjectNode
            ? (ObjectNode) folded : graphNode.putObject(WORKFLOW_INPUTS);
        if (value != null) {
          workflowInputs.set(name, value.deepCopy());
        }
        continue;
      }
      if (isBoardInput(name, value)) {
        boardValue(value, options).ifPresentOrElse(
            board -> graphNode.set(name, board), () -> graphNode.remove(name));
      } else if (value != null) {
        graphNode.set(name, value.deepCopy());
      } else {
        graphNode.remove(name);
      }
    }
    if (callsWorkflow && !graphNode.has(WORKFLOW_INPUTS)) {
      graphNode.putObject(WORKFLOW_INPUTS);
    }
    copyIfPresent(data, "useCache", graphNode, "use_cache");
    copyIfPresent(data, "isIntermediate", graphNode, "is_intermediate");
    return graphNode;
  }

  private static void copyIfPresent(JsonNode from, String fromName, ObjectNode to, String toName) {
    JsonNode value = from.get(fromName);
    if (value != null) {
      to.set(toName, value.deepCopy());
    } else {
      to.remove(toName);
    }
  }

  /** See the class comment: name {@code board}, or a value shaped like {@code {"board_id": ".."}}. */
  static boolean isBoardInput(String name, JsonNode value) {
    return "board".equals(name)
        || (value != null && value.isObject() && value.path("board_id").isTextual());
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
    return Optional.of(value.deepCopy());
  }

  /** The flattened, de-duplicated edges between nodes of the graph, in workflow edge order. */
  private static List<Edge> edges(WorkflowView view, ObjectNode graphNodes) {
    Set<Edge> edges = new LinkedHashSet<>();
    for (JsonNode edge : view.edges()) {
      if (!WorkflowView.isDefaultEdge(edge)) {
        continue;
      }
      Optional<JsonNode> target = view.node(text(edge, "target"));
      if (target.isEmpty() || !WorkflowView.isExecutable(target.get())) {
        continue;
      }
      Optional<JsonNode> source = view.node(text(edge, "source"));
      if (source.isEmpty()) {
        continue;
      }
      Optional<Handle> from;
      if (WorkflowView.isInvocation(source.get())) {
        from = WorkflowView.isExecutable(source.get())
            ? Optional.of(new Handle(text(source.get(), "id"), text(edge, "sourceHandle")))
            : Optional.empty();
      } else if (WorkflowView.isConnector(source.get())) {
        from = view.resolveConnectorSource(text(source.get(), "id"));
      } else {
        from = Optional.empty();
      }
      String targetHandle = text(edge, "targetHandle");
      if (from.isEmpty() || from.get().field() == null || targetHandle == null
          || !graphNodes.has(from.get().nodeId())) {
        continue;
      }
      edges.add(new Edge(from.get(), new Handle(text(target.get(), "id"), targetHandle)));
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
