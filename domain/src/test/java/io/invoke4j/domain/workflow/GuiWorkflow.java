package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.field.FieldTemplate;
import io.invoke4j.domain.field.NodeTemplate;
import io.invoke4j.domain.field.NodeTemplates;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import java.util.Optional;

/**
 * A small GUI workflow (schema 4.0.0) written node by node, for the GUI-parity tests: each node
 * gets its 6.14.2 template's version and an input instance for every template field, as the GUI's
 * {@code buildInvocationNode} makes them; edges are numbered {@code e1}, {@code e2}… in order.
 */
final class GuiWorkflow {
  static final NodeTemplates TEMPLATES = OfflineTemplates.shipped();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ObjectNode root = F.objectNode();
  private final ArrayNode nodes = root.putArray("nodes");
  private final ArrayNode edges = root.putArray("edges");

  GuiWorkflow() {
    root.put("name", "gui parity");
    for (String key : new String[] {"author", "description", "version", "contact", "tags", "notes"}) {
      root.put(key, "");
    }
    root.putArray("exposedFields");
    root.putObject("meta").put("version", "4.0.0").put("category", "user");
    ObjectNode form = root.putObject("form");
    form.put("rootElementId", "root");
    form.putObject("elements").putObject("root").put("id", "root").put("type", "container")
        .putObject("data").put("layout", "column").putArray("children");
  }

  /** An invocation node of {@code type}, of its template's version (or 1.0.0 when it has none). */
  GuiWorkflow node(String id, String type) {
    Optional<NodeTemplate> template = TEMPLATES.find(type);
    return node(id, type, template.map(NodeTemplate::version).orElse("1.0.0"));
  }

  /** An invocation node of {@code type} stamped with {@code version}. */
  GuiWorkflow node(String id, String type, String version) {
    ObjectNode node = nodes.addObject();
    node.put("id", id).put("type", "invocation");
    node.putObject("position").put("x", 0).put("y", 0);
    ObjectNode data = node.putObject("data");
    data.put("id", id).put("type", type).put("version", version).put("nodePack", "invokeai").put("label", "")
        .put("notes", "").put("isOpen", true).put("isIntermediate", true).put("useCache", true);
    ObjectNode inputs = data.putObject("inputs");
    TEMPLATES.find(type).ifPresent(t -> {
      for (FieldTemplate field : t.inputs()) {
        ObjectNode input = inputs.putObject(field.name()).put("name", field.name()).put("label", "")
            .put("description", "");
        if (FieldTemplate.isStateful(field.typeName())) {
          field.defaultValue().ifPresent(v -> input.set("value", v.deepCopy()));
        }
      }
    });
    return this;
  }

  /** A connector node. */
  GuiWorkflow connector(String id) {
    ObjectNode node = nodes.addObject();
    node.put("id", id).put("type", "connector");
    node.putObject("position").put("x", 0).put("y", 0);
    node.putObject("data").put("id", id).put("type", "connector").put("label", "").put("isOpen", true);
    return this;
  }

  /** The node's {@code data} object, to change as a test needs. */
  ObjectNode data(String id) {
    for (JsonNode node : nodes) {
      if (node.path("id").asText().equals(id)) {
        return (ObjectNode) node.get("data");
      }
    }
    throw new IllegalArgumentException(id);
  }

  /** Sets the value of an input (creating the instance when the node has none). */
  GuiWorkflow value(String nodeId, String field, JsonNode value) {
    ObjectNode inputs = (ObjectNode) data(nodeId).get("inputs");
    ObjectNode input = inputs.has(field) ? (ObjectNode) inputs.get(field)
        : inputs.putObject(field).put("name", field).put("label", "").put("description", "");
    input.set("value", value);
    return this;
  }

  /** A default edge, id {@code e<n>}. */
  GuiWorkflow edge(String source, String sourceHandle, String target, String targetHandle) {
    String id = "e" + (edges.size() + 1);
    edges.addObject().put("id", id).put("type", "default").put("source", source)
        .put("sourceHandle", sourceHandle).put("target", target).put("targetHandle", targetHandle);
    return this;
  }

  /** A form element for the field, appended to the root container. */
  GuiWorkflow formField(String nodeId, String field) {
    ObjectNode elements = (ObjectNode) root.at("/form/elements");
    String id = "node-field-" + elements.size();
    elements.putObject(id).put("id", id).put("type", "node-field").put("parentId", "root").putObject("data")
        .put("showDescription", false).putObject("fieldIdentifier").put("nodeId", nodeId).put("fieldName", field);
    ((ArrayNode) elements.at("/root/data/children")).add(id);
    return this;
  }

  /** A legacy exposed field. */
  GuiWorkflow exposed(String nodeId, String field) {
    ((ArrayNode) root.get("exposedFields")).addObject().put("nodeId", nodeId).put("fieldName", field);
    return this;
  }

  ObjectNode json() {
    return root;
  }

  /**
   * The 6.14.2 templates, which have {@code collect.collection} as an input: the GUI has parsed it
   * since InvokeAI 6.13 (collect chaining, #8933), and so does {@code NodeTemplates}.
   */
  static final NodeTemplates WITH_COLLECT_CHAINING = TEMPLATES;

  /** Loaded as the GUI connected to a 6.14.2 server loads it. */
  WorkflowDefinition load() {
    return load(TEMPLATES);
  }

  /** Loaded as the GUI connected to a server with these templates loads it. */
  WorkflowDefinition load(NodeTemplates templates) {
    return WorkflowDefinition.fromJsonNode(root, templates);
  }

  /** Why the load removed edge {@code id}; empty when it kept it. */
  static Optional<String> refusal(WorkflowDefinition wf, String edgeId) {
    return wf.loadWarnings().stream().filter(w -> w.kind() == Kind.EDGE_REMOVED)
        .filter(w -> w.edgeId().orElse("").equals(edgeId)).map(LoadWarning::message).findFirst();
  }

  /** The id of the last edge added. */
  String lastEdge() {
    return "e" + edges.size();
  }
}
