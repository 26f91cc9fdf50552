package io.invoke4j.e2e;

import static io.invoke4j.e2e.HandWrittenGraphs.datum;
import static io.invoke4j.e2e.HandWrittenGraphs.graphOf;
import static io.invoke4j.e2e.HandWrittenGraphs.node;
import static io.invoke4j.e2e.HandWrittenGraphs.rawEnqueueBody;
import static io.invoke4j.e2e.HandWrittenGraphs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.app.usecase.WorkflowRequests;
import io.invoke4j.domain.EnqueueProblem;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.queue.BatchData;
import io.invoke4j.domain.queue.BatchDatum;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.Graph;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.InvalidInputException;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What InvokeAI checks when a batch is enqueued (422) and what it lets through to run time, and
 * that invoke4j's client turns each 422 into an {@link EnqueueRejectedException} whose problems
 * name the node and field.
 *
 * <p>Graph node fields are validated by pydantic in lax mode at enqueue; batch {@code data} values
 * are not. A wrong-typed batch value is deliberately not tested here: in 6.14.2 it is accepted, and
 * then the item cannot even be read back (GET, cancel and delete of it answer 500) and the session
 * processor retries dequeuing it forever, so every later item stays pending until {@code PUT
 * /clear}. That would wedge the queue of a user's own server. invoke4j must check batch values
 * itself before enqueueing.
 *
 * <p>Every graph goes through invoke4j, which sends a hand-written graph as it is. Only batch data
 * invoke4j refuses to build (a datum for a node not in the graph, a zip group of unequal lengths)
 * is posted raw, after checking that invoke4j refuses it.
 */
class EnqueueValidationIT {

  private static final String ENQUEUE = "api/v1/queue/default/enqueue_batch";
  private static final String NOT_AN_INTEGER =
      "Input should be a valid integer, unable to parse string as an integer";

  private final InvokeAiServer server = InvokeAiServer.fromEnvironment();
  private final CreatedOnServer created = new CreatedOnServer(server);

  @AfterEach
  void cleanUp() {
    created.cleanUp();
  }

  @Test
  void stringInIntegerFieldIsRejectedAtEnqueue() {
    EnqueueRequest request = request(graphOf(node("sum", "add").put("a", "abc")));

    EnqueueRejectedException rejection = rejected(request);

    assertThat(rejection.problems()).containsExactly(EnqueueProblem.builder()
        .loc(List.of("body", "batch", "graph", "nodes", "sum", "add", "a"))
        .type("int_parsing").message(NOT_AN_INTEGER).nodeId("sum").field("a").build());
    assertThat(rejection).hasMessageContaining("node sum, field a: " + NOT_AN_INTEGER);
    // the server echoes the value it refused; invoke4j drops that echo (it may be a secret), so only
    // the raw answer shows it
    assertThat(rejection.detail()).doesNotContain("abc");
    JsonNode raw = rejectedRaw(request.toJson());
    assertThat(raw).hasSize(1);
    assertThat(raw.get(0).path("input").asText()).isEqualTo("abc");
  }

  @Test
  void fractionInIntegerFieldIsRejectedAtEnqueue() {
    EnqueueRejectedException rejection =
        rejected(request(graphOf(node("sum", "add").put("a", 1.5))));

    assertThat(rejection.problems().get(0))
        .extracting(EnqueueProblem::loc, EnqueueProblem::type, EnqueueProblem::nodeId,
            EnqueueProblem::field)
        .containsExactly(List.of("body", "batch", "graph", "nodes", "sum", "add", "a"),
            "int_from_float", Optional.of("sum"), Optional.of("a"));
  }

  @Test
  void valueOutOfRangeIsRejectedAtEnqueue() {
    EnqueueRejectedException rejection =
        rejected(request(graphOf(node("resize", "img_resize").put("width", 0))));

    assertThat(rejection.problems().get(0))
        .extracting(EnqueueProblem::loc, EnqueueProblem::type, EnqueueProblem::nodeId,
            EnqueueProblem::field)
        .containsExactly(List.of("body", "batch", "graph", "nodes", "resize", "img_resize", "width"),
            "greater_than", Optional.of("resize"), Optional.of("width"));
  }

  @Test
  void unknownNodeTypeIsRejectedAtEnqueue() {
    EnqueueRejectedException rejection = rejected(request(graphOf(node("x", "no_such_node"))));

    EnqueueProblem problem = rejection.problems().get(0);
    assertThat(problem)
        .extracting(EnqueueProblem::loc, EnqueueProblem::type, EnqueueProblem::nodeId,
            EnqueueProblem::field)
        .containsExactly(List.of("body", "batch", "graph", "nodes", "x"),
            "union_tag_invalid", Optional.of("x"), Optional.empty());
    assertThat(problem.message()).contains("'no_such_node'");
  }

  @Test
  void edgeFromMissingFieldIsRejectedAtEnqueue() {
    Graph twoSums = HandWrittenGraphs.twoSums();
    ArrayNode edges = twoSums.edges().deepCopy();
    ((ObjectNode) edges.get(0).path("source")).put("field", "nope");

    EnqueueRejectedException rejection =
        rejected(request(Graph.of(twoSums.id(), twoSums.nodes(), edges)));

    assertThat(rejection.problems().get(0))
        .extracting(EnqueueProblem::loc, EnqueueProblem::message)
        .containsExactly(List.of("body", "batch", "graph"),
            "Value error, Edge source field nope does not exist in node x");
  }

  @Test
  void batchDatumForUnknownNodeIsRefusedByInvoke4jAndRejectedAtEnqueue() {
    Graph graph = HandWrittenGraphs.twoSums();
    BatchData data = BatchData.of(List.of(List.of(BatchDatum.of("nowhere", "value", List.of(1)))));

    assertThatThrownBy(() -> EnqueueRequest.builder().graph(graph).data(data).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node nowhere is not in the graph");
    JsonNode detail = rejectedRaw(rawEnqueueBody(graph, new JsonNode[] {datum("nowhere", "value", 1)}));

    assertThat(strings(detail.get(0).path("loc"))).containsExactly("body", "batch");
    assertThat(detail.get(0).path("msg").asText())
        .isEqualTo("Value error, Node nowhere not found in graph");
  }

  @Test
  void zipGroupOfUnequalLengthsIsRefusedByInvoke4jAndRejectedAtEnqueue() {
    assertThatThrownBy(() -> BatchData.of(List.of(List.of(
        BatchDatum.of("x", "value", List.of(1, 2)), BatchDatum.of("z", "value", List.of(1))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equal lengths");
    JsonNode detail = rejectedRaw(rawEnqueueBody(HandWrittenGraphs.twoSums(),
        new JsonNode[] {datum("x", "value", 1, 2), datum("z", "value", 1)}));

    assertThat(strings(detail.get(0).path("loc"))).containsExactly("body", "batch", "data");
    assertThat(detail.get(0).path("msg").asText())
        .isEqualTo("Value error, Zipped batch items must all have the same length");
  }

  @Test
  void numericStringIsCoercedAndUnknownFieldIsDroppedSilently() {
    // Lax pydantic: "7" becomes 7, and a field the node does not have vanishes without a word,
    // so a misspelt field name in a graph is not caught by the server.
    Graph graph = graphOf(node("sum", "add").put("a", "7").put("no_such_field", 1));

    EnqueueResult result = created.enqueued(server.queue().enqueue(request(graph)));
    QueueItem item = server.awaitTerminal(result.itemIds(), InvokeAiServer.itemTimeout()).get(0);

    assertThat(item.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(QueueItems.output(item, "sum").path("value").asInt()).isEqualTo(7);
    assertThat(item.graph().path("nodes").path("sum").has("no_such_field")).isFalse();
  }

  @Test
  void missingRequiredInputFailsOnlyAtRunTime() {
    EnqueueResult result =
        created.enqueued(server.queue().enqueue(request(graphOf(node("blur", "img_blur")))));
    QueueItem item = server.awaitTerminal(result.itemIds(), InvokeAiServer.itemTimeout()).get(0);

    assertThat(item.status()).isEqualTo(QueueItemStatus.FAILED);
    assertThat(item.errorType()).contains("MissingInputException");
    assertThat(item.errorMessage())
        .contains("Node img_blur missing value or connection for field image");
  }

  @Test
  void wrongValueIsRejectedByInvoke4jBeforeAnythingIsSent() {
    WorkflowDefinition workflow = ExampleWorkflowsIT.example("integer-add.json");
    String node = workflow.input(0).nodeId();

    // These throw before a request exists, so nothing can be sent. (The queue's counts used to be
    // compared here too; they could not show a send - the server would refuse it with a 422 and
    // keep nothing - and on a shared server they move with other people's work.)
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
  }

  @Test
  void sameWrongValueWrittenIntoInvoke4jsRequestIsRejectedAtEnqueue() {
    WorkflowDefinition workflow = ExampleWorkflowsIT.example("integer-add.json");
    String node = workflow.input(0).nodeId();
    EnqueueRequest valid = EnqueueRequest.forWorkflow(workflow.json())
        .origin("invoke4j-e2e").destination("invoke4j-e2e").build();
    ObjectNode nodes = valid.graph().nodes().deepCopy();
    ((ObjectNode) nodes.path(node)).put("value", "abc");
    // our own batch id, so the queue can be asked for exactly this batch afterwards (the server is
    // shared: its counts move with other people's work)
    BatchId batch = BatchId.of("invoke4j-e2e-" + UUID.randomUUID());
    EnqueueRequest wrong = EnqueueRequest.builder().from(valid).batchId(batch)
        .graph(Graph.of(valid.graph().id(), nodes, valid.graph().edges())).build();

    EnqueueRejectedException rejection = rejected(wrong);

    assertThat(rejection.problems()).containsExactly(EnqueueProblem.builder()
        .loc(List.of("body", "batch", "graph", "nodes", node, "integer", "value"))
        .type("int_parsing").message(NOT_AN_INTEGER).nodeId(node).field("value").build());
    assertThat(rejection.status()).isEqualTo(422);
    assertThat(rejection).hasMessageContaining("node " + node + ", field value: " + NOT_AN_INTEGER);
    assertThat(server.queue().batchStatus(batch).counts().total()).isZero();
    assertThat(server.queue().itemIdsOf(batch)).isEmpty();
  }

  /** Enqueues through invoke4j, which must answer the server's 422 with its typed rejection. */
  private EnqueueRejectedException rejected(EnqueueRequest request) {
    EnqueueResult result;
    try {
      result = server.queue().enqueue(request);
    } catch (EnqueueRejectedException e) {
      assertThat(e.status()).isEqualTo(422);
      return e;
    }
    created.enqueued(result);
    throw new AssertionError("enqueued, but a 422 was expected: " + result);
  }

  /** Posts a body raw; the server must answer 422 with a {@code detail} array, returned. */
  private JsonNode rejectedRaw(JsonNode body) {
    InvokeAiServer.RawResponse answer = server.postRaw(ENQUEUE, body);
    assertThat(answer.status()).as("HTTP status of %s", answer.body()).isEqualTo(422);
    JsonNode detail;
    try {
      detail = new ObjectMapper().readTree(answer.body()).path("detail");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(detail.isArray()).as("422 detail is an array: %s", answer.body()).isTrue();
    return detail;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
