package io.invoke4j.domain.queue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Small JSON helpers for tests: single quotes allowed so workflows fit in text blocks. */
final class TestJson {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

  private TestJson() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static JsonNode fixture(String relative) {
    return read(Fixtures.file(relative));
  }

  static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An invocation node; {@code inputs} is a JSON object of field name to value. */
  static ObjectNode invocation(String id, String type, String inputs) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", id).put("type", "invocation");
    ObjectNode data = node.putObject("data");
    data.put("id", id).put("type", type).put("version", "1.0.0").put("label", "")
        .put("notes", "").put("isOpen", true).put("isIntermediate", true).put("useCache", true);
    ObjectNode in = data.putObject("inputs");
    json(inputs).fields().forEachRemaining(e -> {
      ObjectNode field = in.putObject(e.getKey()).put("name", e.getKey()).put("label", "");
      field.set("value", e.getValue());
    });
    node.putObject("position").put("x", 0).put("y", 0);
    return node;
  }

  /** An input without a value (connection-only or unset). */
  static ObjectNode withoutValue(ObjectNode invocation, String field) {
    ((ObjectNode) invocation.path("data").path("inputs")).putObject(field)
        .put("name", field).put("label", "");
    return invocation;
  }

  static ObjectNode connector(String id) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", id).put("type", "connector");
    node.putObject("data").put("id", id).put("type", "connector").put("label", "").put("isOpen", true);
    node.putObject("position").put("x", 0).put("y", 0);
    return node;
  }

  static ObjectNode notes(String id) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", id).put("type", "notes");
    node.putObject("data").put("id", id).put("type", "notes").put("label", "").put("notes", "hi");
    return node;
  }

  static ObjectNode edge(String source, String sourceHandle, String target, String targetHandle) {
    ObjectNode edge = MAPPER.createObjectNode();
    edge.put("id", "reactflow__edge-" + source + sourceHandle + "-" + target + targetHandle)
        .put("type", "default").put("source", source).put("target", target)
        .put("sourceHandle", sourceHandle).put("targetHandle", targetHandle);
    return edge;
  }

  static ObjectNode collapsed(String source, String target) {
    ObjectNode edge = MAPPER.createObjectNode();
    edge.put("id", "collapsed-" + source + "-" + target).put("type", "collapsed")
        .put("source", source).put("target", target);
    return edge;
  }

  /** A workflow of these nodes and edges, with the GUI's top-level keys. */
  static ObjectNode workflow(Iterable<? extends JsonNode> nodes, Iterable<? extends JsonNode> edges) {
    ObjectNode workflow = MAPPER.createObjectNode();
    workflow.put("id", "library-id").put("name", "test").put("author", "").put("description", "")
        .put("version", "").put("contact", "").put("tags", "").put("notes", "");
    workflow.putArray("exposedFields");
    workflow.putObject("meta").put("version", "3.0.0").put("category", "user");
    ArrayNode n = workflow.putArray("nodes");
    nodes.forEach(n::add);
    ArrayNode e = workflow.putArray("edges");
    edges.forEach(e::add);
    // an empty form as the GUI writes it: only the root container, so the exposed fields apply
    ObjectNode root = workflow.putObject("form").put("rootElementId", "root").putObject("elements")
        .putObject("root").put("id", "root").put("type", "container");
    root.putObject("data").put("layout", "column").putArray("children");
    return workflow;
  }
}
