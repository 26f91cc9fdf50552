package io.invoke4j.adapter.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.EnqueueProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The invocations InvokeAI 6.14.2 knows (recorded from its {@code /openapi.json} into
 * {@code nodes-6.14.2.tsv}): their types, whether they need a model, their output and the JSON type
 * of their scalar inputs, so an enqueue body is refused as the server's pydantic validation would.
 */
final class NodeCatalog {
  /** One invocation. */
  static final class Node {
    final String type;
    final String schema;
    final boolean needsModel;
    final String output;
    final Map<String, String> scalars;

    Node(String type, String schema, boolean needsModel, String output, Map<String, String> scalars) {
      this.type = type;
      this.schema = schema;
      this.needsModel = needsModel;
      this.output = output;
      this.scalars = scalars;
    }
  }

  private static final Set<String> BOOLEAN_WORDS =
      Set.of("true", "false", "yes", "no", "on", "off", "1", "0", "t", "f", "y", "n");

  private final Map<String, Node> nodes;

  private NodeCatalog(Map<String, Node> nodes) {
    this.nodes = nodes;
  }

  static NodeCatalog shipped() {
    Map<String, Node> nodes = new LinkedHashMap<>();
    try (InputStream in = NodeCatalog.class.getResourceAsStream("nodes-6.14.2.tsv")) {
      if (in == null) {
        throw new IllegalStateException("nodes-6.14.2.tsv is missing from the adapter-memory jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        Map<String, String> scalars = new LinkedHashMap<>();
        if (cells.length > 4 && !cells[4].isEmpty()) {
          for (String field : cells[4].split(",")) {
            int colon = field.indexOf(':');
            scalars.put(field.substring(0, colon), field.substring(colon + 1));
          }
        }
        nodes.put(cells[0], new Node(cells[0], cells[1], "1".equals(cells[2]), cells[3], scalars));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NodeCatalog(nodes);
  }

  Node node(String type) {
    return nodes.get(type);
  }

  Set<String> types() {
    return nodes.keySet();
  }

  /** The problems pydantic would report for the graph's nodes, in node order. */
  List<EnqueueProblem> validate(JsonNode graph) {
    List<EnqueueProblem> problems = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> entries = graph.path("nodes").fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String id = entry.getKey();
      String type = entry.getValue().path("type").asText(null);
      Node node = type == null ? null : nodes.get(type);
      if (node == null) {
        problems.add(problem(List.of("body", "batch", "graph", "nodes", id), "union_tag_invalid",
            "Input tag '" + type + "' found using 'type' does not match any of the expected tags: "
                + nodes.keySet().stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")), id, null));
        continue;
      }
      for (Map.Entry<String, String> scalar : node.scalars.entrySet()) {
        JsonNode value = entry.getValue().get(scalar.getKey());
        if (value == null) {
          continue;
        }
        String[] error = check(scalar.getValue(), value);
        if (error != null) {
          problems.add(problem(List.of("body", "batch", "graph", "nodes", id, type, scalar.getKey()), error[0],
              error[1], id, scalar.getKey()));
        }
      }
    }
    return problems;
  }

  /** {type, message} of pydantic's lax-mode error for {@code value} as {@code jsonType}, or null. */
  private static String[] check(String jsonType, JsonNode value) {
    switch (jsonType) {
      case "integer":
        if (value.isIntegralNumber() || value.isBoolean()) {
          return null;
        } else if (value.isNumber()) {
          return value.asDouble() == Math.rint(value.asDouble()) ? null
              : new String[] {"int_from_float", "Input should be a valid integer, got a number with a fractional part"};
        } else if (value.isTextual()) {
          try {
            Long.parseLong(value.asText().strip());
            return null;
          } catch (NumberFormatException e) {
            return new String[] {"int_parsing", "Input should be a valid integer, unable to parse string as an integer"};
          }
        }
        return new String[] {"int_type", "Input should be a valid integer"};
      case "number":
        if (value.isNumber() || value.isBoolean()) {
          return null;
        } else if (value.isTextual()) {
          try {
            Double.parseDouble(value.asText().strip());
            return null;
          } catch (NumberFormatException e) {
            return new String[] {"float_parsing", "Input should be a valid number, unable to parse string as a number"};
          }
        }
        return new String[] {"float_type", "Input should be a valid number"};
      case "string":
        return value.isTextual() || value.isNumber() ? null
            : new String[] {"string_type", "Input should be a valid string"};
      case "boolean":
        if (value.isBoolean() || (value.isIntegralNumber() && (value.asLong() == 0 || value.asLong() == 1))) {
          return null;
        } else if (value.isTextual() && BOOLEAN_WORDS.contains(value.asText().strip().toLowerCase(Locale.ROOT))) {
          return null;
        } else if (value.isTextual() || value.isNumber()) {
          return new String[] {"bool_parsing", "Input should be a valid boolean, unable to interpret input"};
        }
        return new String[] {"bool_type", "Input should be a valid boolean"};
      default:
        return null;
    }
  }

  private static EnqueueProblem problem(List<String> loc, String type, String message, String nodeId, String field) {
    EnqueueProblem.Builder builder = EnqueueProblem.builder().loc(loc).type(type).message(message).nodeId(nodeId);
    if (field != null) {
      builder.field(field);
    }
    return builder.build();
  }

  /** A minimal OpenAPI document: one {@code <Schema>} per invocation with its scalar inputs. */
  ObjectNode openApi(String version) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode doc = json.objectNode();
    doc.put("openapi", "3.1.0");
    doc.putObject("info").put("title", "Invoke - Community Edition (in memory)").put("version", version);
    doc.putObject("paths");
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    for (Node node : nodes.values()) {
      ObjectNode schema = schemas.putObject(node.schema);
      schema.put("class", "invocation");
      schema.put("type", "object");
      ObjectNode properties = schema.putObject("properties");
      properties.putObject("id").put("type", "string").put("field_kind", "node_attribute");
      properties.putObject("type").put("type", "string").put("default", node.type);
      node.scalars.forEach((field, type) -> properties.putObject(field).put("type", type).put("field_kind", "input"));
      schema.putObject("output").put("$ref", "#/components/schemas/" + node.output);
    }
    return doc;
  }
}
