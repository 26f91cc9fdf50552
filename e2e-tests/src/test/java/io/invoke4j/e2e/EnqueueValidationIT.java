package io.invoke4j.e2e;

import static io.invoke4j.e2e.HandWrittenGraphs.datum;
import static io.invoke4j.e2e.HandWrittenGraphs.enqueueBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.app.usecase.WorkflowRequests;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.workflow.InvalidInputException;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What InvokeAI checks when a batch is enqueued (422) and what it lets through to run time.
 *
 * <p>Graph node fields are validated by pydantic in lax mode at enqueue; batch {@code data} values
 * are not. A wrong-typed batch value is deliberately not tested here: in 6.14.2 it is accepted, and
 * then the item cannot even be read back (GET, cancel and delete of it answer 500) and the session
 * processor retries dequeuing it forever, so every later item stays pending until {@code PUT
 * /clear}. That would wedge the queue of a user's own server. invoke4j must check batch values
 * itself before enqueueing.
 */
class EnqueueValidationIT {

  private final InvokeAiServer server = InvokeAiServer.fromEnvironment();
  private final List<Integer> enqueued = new ArrayList<>();

  @AfterEach
  void deleteEnqueuedItems() {
    server.deleteQueueItems(enqueued);
  }

  @Test
  void stringInIntegerFieldIsRejectedAtEnqueue() {
    JsonNode detail = rejected(enqueueBody(graphOf(node("sum", "add").put("a", "abc")), 1));

    assertThat(detail).hasSize(1);
    assertThat(strings(detail.get(0).path("loc")))
        .containsExactly("body", "batch", "graph", "nodes", "sum", "add", "a");
    assertThat(detail.get(0).path("type").asText()).isEqualTo("int_parsing");
    assertThat(detail.get(0).path("msg").asText())
        .isEqualTo("Input should be a valid integer, unable to parse string as an integer");
    assertThat(detail.get(0).path("input").asText()).isEqualTo("abc");
  }

  @Test
  void fractionInIntegerFieldIsRejectedAtEnqueue() {
    JsonNode detail = rejected(enqueueBody(graphOf(node("sum", "add").put("a", 1.5)), 1));

    assertThat(strings(detail.get(0).path("loc")))
        .containsExactly("body", "batch", "graph", "nodes", "sum", "add", "a");
    assertThat(detail.get(0).path("type").asText()).isEqualTo("int_from_float");
  }

  @Test
  void valueOutOfRangeIsRejectedAtEnqueue() {
    JsonNode detail =
        rejected(enqueueBody(graphOf(node("resize", "img_resize").put("width", 0)), 1));

    assertThat(strings(detail.get(0).path("loc")))
        .containsExactly("body", "batch", "graph", "nodes", "resize", "img_resize", "width");
    assertThat(detail.get(0).path("type").asText()).isEqualTo("greater_than");
  }

  @Test
  void unknownNodeTypeIsRejectedAtEnqueue() {
    JsonNode detail = rejected(enqueueBody(graphOf(node("x", "no_such_node")), 1));

    assertThat(strings(detail.get(0).path("loc")))
        .containsExactly("body", "batch", "graph", "nodes", "x");
    assertThat(detail.get(0).path("type").asText()).isEqualTo("union_tag_invalid");
    assertThat(detail.get(0).path("msg").asText()).contains("'no_such_node'");
  }

  @Test
  void edgeFromMissingFieldIsRejectedAtEnqueue() {
    ObjectNode graph = (ObjectNode) HandWrittenGraphs.twoSums();
    ((ObjectNode) graph.path("edges").get(0).path("source")).put("field", "nope");

    JsonNode detail = rejected(enqueueBody(graph, 1));

    assertThat(strings(detail.get(0).path("loc"))).containsExactly("body", "batch", "graph");
    assertThat(detail.get(0).path("msg").asText())
        .isEqualTo("Value error, Edge source field nope does not exist in node x");
  }

  @Test
  void batchDatumForUnknownNodeIsRejectedAtEnqueue() {
    JsonNode detail = rejected(enqueueBody(HandWrittenGraphs.twoSums(), 1,
        new JsonNode[] {datum("nowhere", "value", 1)}));

    assertThat(strings(detail.get(0).path("loc"))).containsExactly("body", "batch");
    assertThat(detail.get(0).path("msg").asText())
        .isEqualTo("Value error, Node nowhere not found in graph");
  }

  @Test
  void zipGroupOfUnequalLengthsIsRejectedAtEnqueue() {
    JsonNode detail = rejected(enqueueBody(HandWrittenGraphs.twoSums(), 1,
        new JsonNode[] {datum("x", "value", 1, 2), datum("z", "value", 1)}));

    assertThat(strings(detail.get(0).path("loc"))).containsExactly("body", "batch", "data");
    assertThat(detail.get(0).path("msg").asText())
        .isEqualTo("Value error, Zipped batch items must all have the same length");
  }

  @Test
  void numericStringIsCoercedAndUnknownFieldIsDroppedSilently() {
    // Lax pydantic: "7" becomes 7, and a field the node does not have vanishes without a word,
    // so a misspelt field name in a graph is not caught by the server.
    ObjectNode graph = graphOf(node("sum", "add").put("a", "7").put("no_such_field", 1));

    var result = server.enqueue(enqueueBody(graph, 1));
    enqueued.addAll(result.itemIds());
    JsonNode item = server.awaitTerminal(result.itemIds(), InvokeAiServer.itemTimeout()).get(0);

    assertThat(item.path("status").asText()).isEqualTo("completed");
    assertThat(QueueItems.output(item, "sum").path("value").asInt()).isEqualTo(7);
    assertThat(item.path("session").path("graph").path("nodes").path("sum").has("no_such_field"))
        .isFalse();
  }

  @Test
  void missingRequiredInputFailsOnlyAtRunTime() {
    var result = server.enqueue(enqueueBody(graphOf(node("blur", "img_blur")), 1));
    enqueued.addAll(result.itemIds());
    JsonNode item = server.awaitTerminal(result.itemIds(), InvokeAiServer.itemTimeout()).get(0);

    assertThat(item.path("status").asText()).isEqualTo("failed");
    assertThat(item.path("error_type").asText()).isEqualTo("MissingInputException");
    assertThat(item.path("error_message").asText())
        .isEqualTo("Node img_blur missing value or connection for field image");
  }

  @Test
  void wrongValueIsRejectedByInvoke4jBeforeAnythingIsSent() {
    WorkflowDefinition workflow = ExampleWorkflowsIT.example("integer-add.json");
    String node = workflow.input(0).nodeId();
    JsonNode before = server.queueCounts();

    assertThatThrownBy(() -> workflow.withValueText(0, "abc"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("input 0 \"A\" (node \"A\" integer#" + node + ", field value): ");
    assertThatThrownBy(() -> workflow.withValue(0, 1.5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("input 0 \"A\" (node \"A\" integer#" + node + ", field value): ");
    // the path of `./invoke4j payload --set 0=abc`
    assertThatThrownBy(() -> WorkflowRequests.prepare(workflow, Map.of(0, "abc"), 1, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("input 0 \"A\"").hasMessageContaining(node)
        .hasMessageContaining("field value");

    assertThat(server.queueCounts()).isEqualTo(before);
  }

  @Test
  void sameWrongValueWrittenIntoInvoke4jsPayloadIsRejectedAtEnqueue() {
    WorkflowDefinition workflow = ExampleWorkflowsIT.example("integer-add.json");
    String node = workflow.input(0).nodeId();
    ObjectNode payload = EnqueueRequest.forWorkflow(workflow.json())
        .origin("invoke4j-e2e").destination("invoke4j-e2e").build().toJson();
    ((ObjectNode) payload.path("batch").path("graph").path("nodes").path(node)).put("value", "abc");
    JsonNode before = server.queueCounts();

    JsonNode detail = rejected(payload);

    assertThat(detail).hasSize(1);
    assertThat(strings(detail.get(0).path("loc")))
        .containsExactly("body", "batch", "graph", "nodes", node, "integer", "value");
    assertThat(detail.get(0).path("type").asText()).isEqualTo("int_parsing");
    assertThat(detail.get(0).path("msg").asText())
        .isEqualTo("Input should be a valid integer, unable to parse string as an integer");
    assertThat(server.queueCounts()).isEqualTo(before);
  }

  private JsonNode rejected(JsonNode body) {
    JsonNode answer = server.expectJson(422, server.enqueueRaw(body), "POST enqueue_batch");
    assertThat(answer.path("detail").isArray()).as("422 detail is an array: %s", answer).isTrue();
    return answer.path("detail");
  }

  private ObjectNode node(String id, String type) {
    return server.json.createObjectNode().put("id", id).put("type", type);
  }

  private ObjectNode graphOf(ObjectNode node) {
    ObjectNode graph = server.json.createObjectNode();
    graph.putObject("nodes").set(node.path("id").asText(), node);
    graph.putArray("edges");
    return graph;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
