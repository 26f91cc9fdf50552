package io.invoke4j.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.Graph;
import java.util.UUID;

/**
 * Model-less graphs written by hand, the way the InvokeAI docs show them, for tests of the server's
 * own checks (see {@link EnqueueValidationIT}). invoke4j sends any such {@link Graph} as it is, so
 * they go through its {@link EnqueueRequest}; only a body whose batch data invoke4j refuses to
 * build is written raw ({@link #rawEnqueueBody}). Node ids are the ones the tests look results up by.
 */
final class HandWrittenGraphs {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private HandWrittenGraphs() {}

  /** A node of {@code type} with nothing set; put fields on it before {@link #graphOf}. */
  static ObjectNode node(String id, String type) {
    return JSON.objectNode().put("id", id).put("type", type);
  }

  /** A graph of one node and no edges. */
  static Graph graphOf(ObjectNode node) {
    ObjectNode nodes = JSON.objectNode();
    nodes.set(node.path("id").asText(), node);
    return Graph.of(UUID.randomUUID().toString(), nodes, JSON.arrayNode());
  }

  /**
   * {@code x:integer -> y:add(b) -> w:add(a)} with {@code z:integer -> w.b}: {@code y = x + y.b}
   * and {@code w = x + y.b + z}, so each batch combination shows up in the results.
   */
  static Graph twoSums() {
    ObjectNode nodes = JSON.objectNode();
    for (String[] node : new String[][] {{"x", "integer"}, {"y", "add"}, {"z", "integer"}, {"w", "add"}}) {
      nodes.set(node[0], node(node[0], node[1]));
    }
    ArrayNode edges = JSON.arrayNode();
    edge(edges, "x", "value", "y", "a");
    edge(edges, "y", "value", "w", "a");
    edge(edges, "z", "value", "w", "b");
    return Graph.of(UUID.randomUUID().toString(), nodes, edges);
  }

  /** A request that runs {@code graph} once, without batch data. */
  static EnqueueRequest request(Graph graph) {
    return EnqueueRequest.builder().graph(graph)
        .origin("invoke4j-e2e").destination("invoke4j-e2e").build();
  }

  /** A batch datum as JSON: the values one node field takes across a batch. */
  static ObjectNode datum(String nodeId, String field, int... items) {
    ObjectNode datum = JSON.objectNode().put("node_path", nodeId).put("field_name", field);
    ArrayNode values = datum.putArray("items");
    for (int item : items) {
      values.add(item);
    }
    return datum;
  }

  /**
   * An {@code enqueue_batch} body written raw, for batch data invoke4j's {@code BatchData} will not
   * hold. {@code zipGroups} are the outer list of {@code batch.data}: the datums of one group
   * advance together, the groups multiply.
   */
  static JsonNode rawEnqueueBody(Graph graph, JsonNode[]... zipGroups) {
    ObjectNode body = JSON.objectNode();
    ObjectNode batch = body.putObject("batch");
    batch.set("graph", graph.toJson());
    batch.put("runs", 1);
    batch.put("origin", "invoke4j-e2e");
    batch.put("destination", "invoke4j-e2e");
    ArrayNode data = batch.putArray("data");
    for (JsonNode[] group : zipGroups) {
      ArrayNode zipped = data.addArray();
      for (JsonNode datum : group) {
        zipped.add(datum);
      }
    }
    body.put("prepend", false);
    return body;
  }

  private static void edge(ArrayNode edges, String from, String fromField, String to, String toField) {
    ObjectNode edge = edges.addObject();
    edge.putObject("source").put("node_id", from).put("field", fromField);
    edge.putObject("destination").put("node_id", to).put("field", toField);
  }
}
