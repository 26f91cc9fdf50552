package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

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
 */
final class EmbeddedWorkflow {
  private static final List<String> KEYS = List.of("name", "author", "description", "version",
      "contact", "tags", "notes", "nodes", "edges", "exposedFields", "meta", "form");

  private EmbeddedWorkflow() {}

  static ObjectNode of(JsonNode workflow) {
    ObjectNode embedded = JsonNodeFactory.instance.objectNode();
    for (String key : KEYS) {
      if (key.equals("nodes")) {
        embedded.set(key, nodes(workflow.path("nodes")));
      } else if (key.equals("edges")) {
        embedded.set(key, edges(workflow.path("edges")));
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
        out.add(pick(node, "id", "type", "data", "position"));
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
