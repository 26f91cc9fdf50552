package io.invoke4j.domain.queue;

import static io.invoke4j.domain.queue.TestJson.collapsed;
import static io.invoke4j.domain.queue.TestJson.connector;
import static io.invoke4j.domain.queue.TestJson.edge;
import static io.invoke4j.domain.queue.TestJson.invocation;
import static io.invoke4j.domain.queue.TestJson.json;
import static io.invoke4j.domain.queue.TestJson.notes;
import static io.invoke4j.domain.queue.TestJson.withoutValue;
import static io.invoke4j.domain.queue.TestJson.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {
  private static final GraphOptions FIXED_ID =
      GraphOptions.builder().idSupplier(() -> "graph-1").build();

  private static Graph build(JsonNode workflow) {
    return GraphBuilder.build(workflow, FIXED_ID);
  }

  private static Graph build(JsonNode workflow, String autoAddBoard) {
    return GraphBuilder.build(workflow,
        GraphOptions.builder().idSupplier(() -> "graph-1").autoAddBoardId(autoAddBoard).build());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void buildsNodesInTheGuiKeyOrder() {
    ObjectNode add = invocation("n1", "add", "{'a': 1, 'b': 2}");
    Graph graph = build(workflow(List.of(add), List.of()));

    assertThat(graph.toJson()).isEqualTo(json("""
        {'id': 'graph-1',
         'nodes': {'n1': {'type': 'add', 'id': 'n1', 'a': 1, 'b': 2,
                          'use_cache': true, 'is_intermediate': true}},
         'edges': []}"""));
    assertThat(fieldNames(graph.nodes().get("n1")))
        .containsExactly("type", "id", "a", "b", "use_cache", "is_intermediate");
  }

  @Test
  void omitsAbsentValuesAndKeepsNull() {
    ObjectNode node = withoutValue(invocation("n1", "add", "{'a': null}"), "b");
    Graph graph = build(workflow(List.of(node), List.of()));

    assertThat(graph.nodes().get("n1")).isEqualTo(json(
        "{'type': 'add', 'id': 'n1', 'a': null, 'use_cache': true, 'is_intermediate': true}"));
  }

  @Test
  void omitsUseCacheAndIsIntermediateWhenTheWorkflowHasNone() {
    ObjectNode node = invocation("n1", "add", "{'a': 1}");
    ((ObjectNode) node.get("data")).remove(List.of("useCache", "isIntermediate"));

    assertThat(build(workflow(List.of(node), List.of())).nodes().get("n1"))
        .isEqualTo(json("{'type': 'add', 'id': 'n1', 'a': 1}"));
  }

  @Test
  void excludesNotesConnectorsBatchAndGeneratorNodes() {
    Graph graph = build(workflow(List.of(
        invocation("run", "add", "{}"),
        notes("note"),
        connector("dot"),
        invocation("batch", "integer_batch", "{'integers': [1], 'batch_group_id': 'None'}"),
        invocation("gen", "integer_generator", "{}"),
        invocation("custom", "my_number_generator", "{}")), List.of()));

    assertThat(fieldNames(graph.nodes())).containsExactly("run", "custom");
  }

  @Test
  void resolvesConnectorChainsToTheInvocationSource() {
    Graph graph = build(workflow(
        List.of(invocation("a", "integer", "{'value': 1}"), connector("c1"), connector("c2"),
            invocation("b", "add", "{'a': 5, 'b': 6}")),
        List.of(edge("a", "value", "c1", "in"), edge("c1", "out", "c2", "in"),
            edge("c2", "out", "b", "a"))));

    assertThat(graph.edges()).isEqualTo(json("""
        [{'source': {'node_id': 'a', 'field': 'value'},
          'destination': {'node_id': 'b', 'field': 'a'}}]"""));
    assertThat(graph.nodes().get("b").has("a")).isFalse();
  }

  @Test
  void dropsEdgesFromUnresolvedConnectorsAndKeepsTheLiteral() {
    Graph graph = build(workflow(
        List.of(connector("c1"), connector("c2"), invocation("b", "add", "{'a': 5}")),
        List.of(edge("c2", "out", "c1", "in"), edge("c1", "out", "c2", "in"),
            edge("c1", "out", "b", "a"))));

    assertThat(graph.edges()).isEmpty();
    assertThat(graph.nodes().get("b").get("a").asInt()).isEqualTo(5);
  }

  @Test
  void ignoresCollapsedEdges() {
    Graph graph = build(workflow(
        List.of(invocation("a", "integer", "{'value': 1}"), invocation("b", "add", "{'a': 5}")),
        List.of(collapsed("a", "b"))));

    assertThat(graph.edges()).isEmpty();
    assertThat(graph.nodes().get("b").get("a").asInt()).isEqualTo(5);
  }

  @Test
  void removesDuplicateEdgesIncludingThoseMadeByConnectors() {
    Graph graph = build(workflow(
        List.of(invocation("a", "integer", "{}"), connector("c"), invocation("b", "add", "{}")),
        List.of(edge("a", "value", "b", "a"), edge("a", "value", "c", "in"),
            edge("c", "out", "b", "a"), edge("a", "value", "b", "a"))));

    assertThat(graph.edges()).hasSize(1);
  }

  @Test
  void dropsEdgesTouchingExcludedNodes() {
    Graph graph = build(workflow(
        List.of(invocation("batch", "integer_batch", "{'integers': [1, 2]}"),
            invocation("b", "add", "{'a': 0}"), notes("n")),
        List.of(edge("batch", "value", "b", "a"), edge("b", "value", "n", "x"))));

    assertThat(graph.edges()).isEmpty();
    assertThat(graph.nodes().get("b").has("a")).isTrue();
  }

  @Test
  void omitsEveryInputFedByAnEdge() {
    Graph graph = build(workflow(
        List.of(invocation("a", "integer", "{'value': 1}"),
            invocation("b", "add", "{'a': 'stale', 'b': 2}")),
        List.of(edge("a", "value", "b", "a"))));

    assertThat(graph.nodes().get("b")).isEqualTo(json(
        "{'type': 'add', 'id': 'b', 'b': 2, 'use_cache': true, 'is_intermediate': true}"));
  }

  @Test
  void mapsAutoAndEmptyBoardsToTheAutoAddBoardOrOmitsThem() {
    JsonNode wf = workflow(List.of(
        invocation("auto", "save_image", "{'board': 'auto'}"),
        invocation("empty", "save_image", "{'board': ''}"),
        withoutValue(invocation("absent", "save_image", "{}"), "board"),
        invocation("none", "save_image", "{'board': 'none'}"),
        invocation("kept", "save_image", "{'board': {'board_id': 'b9'}}"),
        invocation("shape", "my_saver", "{'target_board': {'board_id': 'b8'}}"),
        invocation("text", "string", "{'value': 'auto'}")), List.of());

    Graph withoutAutoAdd = build(wf);
    assertThat(withoutAutoAdd.nodes().get("auto").has("board")).isFalse();
    assertThat(withoutAutoAdd.nodes().get("empty").has("board")).isFalse();
    assertThat(withoutAutoAdd.nodes().get("absent").has("board")).isFalse();
    assertThat(withoutAutoAdd.nodes().get("none").has("board")).isFalse();
    assertThat(withoutAutoAdd.nodes().get("kept").get("board")).isEqualTo(json("{'board_id': 'b9'}"));
    assertThat(withoutAutoAdd.nodes().get("shape").get("target_board"))
        .isEqualTo(json("{'board_id': 'b8'}"));
    assertThat(withoutAutoAdd.nodes().get("text").get("value").asText()).isEqualTo("auto");

    Graph withAutoAdd = build(wf, "b1");
    JsonNode b1 = json("{'board_id': 'b1'}");
    assertThat(withAutoAdd.nodes().get("auto").get("board")).isEqualTo(b1);
    assertThat(withAutoAdd.nodes().get("empty").get("board")).isEqualTo(b1);
    assertThat(withAutoAdd.nodes().get("absent").get("board")).isEqualTo(b1);
    assertThat(withAutoAdd.nodes().get("none").has("board")).isFalse();
    assertThat(withAutoAdd.nodes().get("kept").get("board")).isEqualTo(json("{'board_id': 'b9'}"));
  }

  @Test
  void translatesExactlyTheInputsTheDefinitionTypesAsBoards() {
    // before one rule decided boards, the typer took target_board for a board while the graph sent
    // its "auto" literally, and it typed destination raw while the graph treated it as a board
    WorkflowDefinition definition = WorkflowDefinition.fromJsonNode(workflow(List.of(
        invocation("named", "my_saver", "{'target_board': 'auto'}"),
        invocation("shaped", "my_saver", "{'destination': {'board_id': 'b8'}}"),
        invocation("other", "my_saver", "{'source': {'board_id': 'b7', 'category': 'images'}}")), List.of()));
    GraphOptions autoAdd = GraphOptions.builder().idSupplier(() -> "graph-1").autoAddBoardId("b1").build();

    assertThat(definition.field("named", "target_board").type()).isEqualTo(FieldType.BOARD);
    assertThat(definition.field("shaped", "destination").type()).isEqualTo(FieldType.BOARD);
    assertThat(definition.field("other", "source").type()).isNotEqualTo(FieldType.BOARD);
    Graph graph = GraphBuilder.build(definition, autoAdd);
    assertThat(graph.nodes().at("/named/target_board")).isEqualTo(json("{'board_id': 'b1'}"));
    assertThat(graph.nodes().at("/shaped/destination")).isEqualTo(json("{'board_id': 'b8'}"));
    assertThat(graph.nodes().at("/other/source")).isEqualTo(json("{'board_id': 'b7', 'category': 'images'}"));
    assertThat(GraphBuilder.build(definition.withFieldValue("shaped", "destination", "none"), autoAdd)
        .nodes().get("shaped").has("destination")).isFalse();
  }

  @Test
  void foldsSavedWorkflowInputsIntoWorkflowInputs() {
    ObjectNode call = invocation("call", "call_saved_workflow", """
        {'workflow_id': 'wf-1',
         'workflow_inputs': {'ignored': true},
         'saved_workflow_input::child::prompt': 'a cat',
         'saved_workflow_input::child::seed': 7}""");
    withoutValue(call, "saved_workflow_input::child::steps");
    Graph graph = build(workflow(
        List.of(invocation("seed", "integer", "{'value': 3}"), call),
        List.of(edge("seed", "value", "call", "saved_workflow_input::child::seed"))));

    assertThat(graph.nodes().get("call")).isEqualTo(json("""
        {'type': 'call_saved_workflow', 'id': 'call', 'workflow_id': 'wf-1',
         'workflow_inputs': {'saved_workflow_input::child::prompt': 'a cat'},
         'use_cache': true, 'is_intermediate': true}"""));
    assertThat(graph.edges().get(0).path("destination").path("field").asText())
        .isEqualTo("saved_workflow_input::child::seed");
  }

  @Test
  void givesCallSavedWorkflowAnEmptyWorkflowInputsWhenItHasNone() {
    Graph graph = build(workflow(
        List.of(invocation("call", "call_saved_workflow", "{'workflow_id': 'wf-1'}")), List.of()));

    assertThat(graph.nodes().get("call").get("workflow_inputs")).isEqualTo(json("{}"));
  }

  @Test
  void usesAFreshUuidPerGraphByDefault() {
    JsonNode wf = workflow(List.of(invocation("a", "integer", "{}")), List.of());

    String first = GraphBuilder.build(wf).id();
    String second = GraphBuilder.build(wf).id();

    assertThat(first).hasSize(36).isNotEqualTo(second);
  }

  @Test
  void doesNotChangeTheWorkflow() {
    JsonNode wf = workflow(
        List.of(invocation("a", "integer", "{'value': 1}"), invocation("b", "add", "{'a': 2}")),
        List.of(edge("a", "value", "b", "a")));
    JsonNode before = wf.deepCopy();

    build(wf).nodes().withObject("/b").put("a", 99);

    assertThat(wf).isEqualTo(before);
  }

  @Test
  void rejectsAWorkflowThatIsNotAnObject() {
    assertThatThrownBy(() -> GraphBuilder.build(json("[]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workflow must be a JSON object");
  }
}
