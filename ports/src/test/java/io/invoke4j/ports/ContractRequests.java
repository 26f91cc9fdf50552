package io.invoke4j.ports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.queue.BatchData;
import io.invoke4j.domain.queue.BatchDatum;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.Graph;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Model-less enqueue requests the contract suites send: they run on a CPU server without models in
 * well under a second per item, and on the in-memory adapter for real.
 *
 * <p>Every node sets {@code use_cache: false}: with the server's default cache an identical node
 * returns the cached output (the same image name), which would make tests depend on each other.
 */
public final class ContractRequests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The id of the {@code integer} node of {@link #integerAdd}. */
  public static final String A = "a";
  /** The id of the {@code add} node of {@link #integerAdd}. */
  public static final String SUM = "sum";
  /** The id of the {@code blank_image} node of {@link #blankSave}. */
  public static final String BLANK = "blank";
  /** The id of the {@code save_image} node of {@link #blankSave}. */
  public static final String SAVE = "save";
  /** The id of the {@code div} node of {@link #divideByZero}. */
  public static final String DIV = "div";

  private ContractRequests() {}

  /** {@code integer(a) -> add(a, b)}: the sum is {@code a + b}. */
  public static Graph integerAddGraph(int a, int b) {
    ObjectNode nodes = JSON.objectNode();
    nodes.set(A, node(A, "integer").put("value", a));
    nodes.set(SUM, node(SUM, "add").put("b", b));
    ArrayNode edges = JSON.arrayNode();
    edges.add(edge(A, "value", SUM, "a"));
    return Graph.of(UUID.randomUUID().toString(), nodes, edges);
  }

  /** {@link #integerAddGraph} run {@code runs} times without batch data. */
  public static EnqueueRequest integerAdd(int a, int b, int runs) {
    return EnqueueRequest.builder().graph(integerAddGraph(a, b)).runs(runs).origin("invoke4j-contract")
        .destination("invoke4j-contract").build();
  }

  /** {@code integer(0) -> add(a, 3)} with batch {@code data} and {@code runs}. */
  public static EnqueueRequest integerAdd(BatchData data, int runs) {
    return EnqueueRequest.builder().graph(integerAddGraph(0, 3)).data(data).runs(runs)
        .origin("invoke4j-contract").destination("invoke4j-contract").build();
  }

  /** A datum for {@code node.field} of {@link #integerAddGraph}. */
  public static BatchDatum datum(String node, String field, Object... items) {
    return BatchDatum.of(node, field, List.of(items));
  }

  /**
   * {@code blank_image(width, height, color) -> save_image}: the blank image is intermediate, the
   * saved one is the output (on {@code board} when given).
   */
  public static EnqueueRequest blankSave(int width, int height, Optional<BoardId> board) {
    ObjectNode nodes = JSON.objectNode();
    ObjectNode blank = node(BLANK, "blank_image").put("width", width).put("height", height)
        .put("mode", "RGB").put("is_intermediate", true);
    blank.putObject("color").put("r", 10).put("g", 20).put("b", 30).put("a", 255);
    nodes.set(BLANK, blank);
    ObjectNode save = node(SAVE, "save_image").put("is_intermediate", false);
    board.ifPresent(b -> save.putObject("board").put("board_id", b.value()));
    nodes.set(SAVE, save);
    ArrayNode edges = JSON.arrayNode();
    edges.add(edge(BLANK, "image", SAVE, "image"));
    return EnqueueRequest.builder().graph(Graph.of(UUID.randomUUID().toString(), nodes, edges))
        .origin("invoke4j-contract").destination("invoke4j-contract").build();
  }

  /** One {@code div} node dividing by zero: the item fails with {@code ZeroDivisionError}. */
  public static EnqueueRequest divideByZero() {
    ObjectNode nodes = JSON.objectNode();
    nodes.set(DIV, node(DIV, "div").put("a", 1).put("b", 0));
    return EnqueueRequest.builder().graph(Graph.of(UUID.randomUUID().toString(), nodes, JSON.arrayNode()))
        .origin("invoke4j-contract").destination("invoke4j-contract").build();
  }

  /** A graph with one node of a type no server knows, with id {@code nodeId}. */
  public static EnqueueRequest unknownNodeType(String nodeId) {
    ObjectNode nodes = JSON.objectNode();
    nodes.set(nodeId, node(nodeId, "invoke4j_no_such_node").put("value", 1));
    return EnqueueRequest.builder().graph(Graph.of(UUID.randomUUID().toString(), nodes, JSON.arrayNode()))
        .origin("invoke4j-contract").destination("invoke4j-contract").build();
  }

  /** An {@code integer} node, id {@code nodeId}, whose {@code value} is the text {@code "abc"}. */
  public static EnqueueRequest integerWithText(String nodeId) {
    ObjectNode nodes = JSON.objectNode();
    nodes.set(nodeId, node(nodeId, "integer").put("value", "abc"));
    return EnqueueRequest.builder().graph(Graph.of(UUID.randomUUID().toString(), nodes, JSON.arrayNode()))
        .origin("invoke4j-contract").destination("invoke4j-contract").build();
  }

  /** The GUI workflow {@code contract-add.json} of the test resources (integer 4 + 5, model-less). */
  public static WorkflowDefinition addWorkflow() {
    try (InputStream in = ContractRequests.class.getResourceAsStream("contract-add.json")) {
      if (in == null) {
        throw new IllegalStateException("contract-add.json is not on the test class path");
      }
      return WorkflowDefinition.fromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code value} of an integer or float result. */
  public static JsonNode value(JsonNode result) {
    return result.path("value");
  }

  private static ObjectNode node(String id, String type) {
    ObjectNode node = JSON.objectNode();
    node.put("id", id);
    node.put("type", type);
    node.put("use_cache", false);
    return node;
  }

  private static ObjectNode edge(String from, String fromField, String to, String toField) {
    ObjectNode edge = JSON.objectNode();
    edge.putObject("source").put("node_id", from).put("field", fromField);
    edge.putObject("destination").put("node_id", to).put("field", toField);
    return edge;
  }
}
