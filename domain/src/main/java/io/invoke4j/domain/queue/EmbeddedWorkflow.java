package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The workflow the GUI embeds in an enqueue request: its {@code buildWorkflowFast}
 * ({@code features/nodes/util/workflow/buildWorkflow.ts}) then {@code delete workflow.id}. Top-level
 * keys in the order of the GUI's {@code zWorkflowV3} schema (which its validation re-creates), only
 * invocation, connector and notes nodes as {@code {id, type, data, position}}, default edges with
 * both handles and collapsed edges, each with the GUI's edge keys only.
 *
 * <p>Only the containers are new: the values inside ({@code data}, {@code form}, ...) are shared with
 * the workflow, both being read-only by agreement, so embedding costs no copy of the workflow per
 * submission ({@link EnqueueRequest#toJson()} copies once, on the way out).
 *
 * <p>Per submission only one node changes, so the embedded nodes, the edges and the JSON text of
 * each are kept per source subtree ({@link IdentityCache}): {@link #wire} reuses the UTF-8 text of
 * every part, so a submission encodes only what a {@code withValue} replaced.
 */
final class EmbeddedWorkflow {
  private static final List<String> KEYS = List.of("name", "author", "description", "version",
      "contact", "tags", "notes", "nodes", "edges", "exposedFields", "meta", "form");

  private static final IdentityCache<JsonNode, ObjectNode> PICKED_NODES = new IdentityCache<>(1024);
  private static final IdentityCache<JsonNode, ArrayNode> PICKED_EDGES = new IdentityCache<>(64);
  private static final IdentityCache<JsonNode, JsonNode> RAW = new IdentityCache<>(4096);

  private EmbeddedWorkflow() {}

  /**
   * {@code embedded} (made by {@link #of}) for the wire: the same object with each part (every
   * node, the edges, the form, ...) as JSON text encoded once per source subtree and written as it
   * is; only the top-level object and the {@code nodes} array are new.
   */
  static ObjectNode wire(JsonNode embedded) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : embedded.properties()) {
      JsonNode value = field.getValue();
      if (field.getKey().equals("nodes") && value.isArray()) {
        ArrayNode nodes = out.putArray("nodes");
        value.forEach(node -> nodes.add(raw(node)));
      } else {
        out.set(field.getKey(), raw(value));
      }
    }
    return out;
  }

  /** {@code value} as JSON text encoded once per tree (identity), when it is a container. */
  static JsonNode raw(JsonNode value) {
    return value.isContainerNode() ? RAW.get(value, EmbeddedWorkflow::encode) : value;
  }

  private static JsonNode encode(JsonNode value) {
    return JsonNodeFactory.instance.rawValueNode(new RawValue(new RawJson(utf8(value.toString()))));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static ObjectNode of(JsonNode workflow) {
    ObjectNode embedded = JsonNodeFactory.instance.objectNode();
    for (String key : KEYS) {
      if (key.equals("nodes")) {
        embedded.set(key, nodes(workflow.path("nodes")));
      } else if (key.equals("edges")) {
        JsonNode edges = workflow.path("edges");
        embedded.set(key, edges.isMissingNode() ? edges(edges) : PICKED_EDGES.get(edges, EmbeddedWorkflow::edges));
      } else if (workflow.has(key)) {
        embedded.set(key, workflow.get(key));
      }
    }
    return embedded;
  }

  private static ArrayNode nodes(JsonNode nodes) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode node : nodes) {
      String type = WorkflowView.text(node, "type");
      if ("invocation".equals(type) || "connector".equals(type) || "notes".equals(type)) {
        out.add(PICKED_NODES.get(node, n -> pick(n, "id", "type", "data", "position")));
      }
    }
    return out;
  }

  private static ArrayNode edges(JsonNode edges) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode edge : edges) {
      String type = WorkflowView.text(edge, "type");
      if ("default".equals(type) && WorkflowView.text(edge, "sourceHandle") != null
          && WorkflowView.text(edge, "targetHandle") != null) {
        out.add(pick(edge, "id", "type", "source", "target", "sourceHandle", "targetHandle", "hidden"));
      } else if ("collapsed".equals(type)) {
        out.add(pick(edge, "id", "type", "source", "target"));
      }
    }
    return out;
  }

  private static ObjectNode pick(JsonNode from, String... keys) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String key : keys) {
      if (from.has(key)) {
        out.set(key, from.get(key));
      }
    }
    return out;
  }
}
