package io.invoke4j.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Model-less graphs and enqueue bodies written by hand, the way the InvokeAI docs show them.
 *
 * <p>Only for tests of the server's own behaviour with raw bodies invoke4j would not build (see
 * {@link EnqueueValidationIT}); everything else gets its payload from invoke4j's
 * {@code EnqueueRequest}. Node ids are the ones the tests look results up by.
 */
final class HandWrittenGraphs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HandWrittenGraphs() {}

  /**
   * {@code x:integer -> y:add(b) -> w:add(a)} with {@code z:integer -> w.b}: {@code y = x + y.b}
   * and {@code w = x + y.b + z}, so each batch combination shows up in the results.
   */
  static JsonNode twoSums() {
    ObjectNode graph = JSON.createObjectNode();
    ObjectNode nodes = graph.putObject("nodes");
    node(nodes, "x", "integer");
    node(nodes, "y", "add");
    node(nodes, "z", "integer");
    node(nodes, "w", "add");
    ArrayNode edges = graph.putArray("edges");
    edge(edges, "x", "value", "y", "a");
    edge(edges, "y", "value", "w", "a");
    edge(edges, "z", "value", "w", "b");
    return graph;
  }

  /** A batch datum: the values one node field takes across a batch. */
  static ObjectNode datum(String nodeId, String field, int... items) {
    ObjectNode datum = JSON.createObjectNode().put("node_path", nodeId).put("field_name", field);
    ArrayNode values = datum.putArray("items");
    for (int item : items) {
      values.add(item);
    }
    return datum;
  }

  /**
   * An {@code enqueue_batch} body. {@code zipGroups} are the outer list of {@code batch.data}: the
   * datums of one group advance together, the groups multiply.
   */
  static JsonNode enqueueBody(JsonNode graph, int runs, JsonNode[]... zipGroups) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode batch = body.putObject("batch");
    batch.set("graph", graph);
    batch.put("runs", runs);
    batch.put("origin", "invoke4j-e2e");
    batch.put("destination", "invoke4j-e2e");
    if (zipGroups.length > 0) {
      ArrayNode data = batch.putArray("data");
      for (JsonNode[] group : zipGroups) {
        ArrayNode zipped = data.addArray();
        for (JsonNode datum : group) {
          zipped.add(datum);
        }
      }
    }
    body.put("prepend", false);
    return body;
  }

  private static ObjectNode node(ObjectNode nodes, String id, String type) {
    return nodes.putObject(id).put("id", id).put("type", type);
  }

  private static void edge(ArrayNode edges, String from, String fromField, String to, String toField) {
    ObjectNode edge = edges.addObject();
    edge.putObject("source").put("node_id", from).put("field", fromField);
    edge.putObject("destination").put("node_id", to).put("field", toField);
  }
}
