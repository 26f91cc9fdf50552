package io.invoke4j.domain.queue;

import static io.invoke4j.domain.queue.TestJson.connector;
import static io.invoke4j.domain.queue.TestJson.edge;
import static io.invoke4j.domain.queue.TestJson.invocation;
import static io.invoke4j.domain.queue.TestJson.json;
import static io.invoke4j.domain.queue.TestJson.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchDataTest {
  private static JsonNode batch(String id, String type, String collection, String items, String group) {
    return invocation(id, type,
        "{'" + collection + "': " + items + ", 'batch_group_id': '" + group + "'}");
  }

  @Test
  void hasNoDataWithoutBatchNodes() {
    BatchData data = BatchData.fromWorkflow(
        workflow(List.of(invocation("a", "add", "{}")), List.of()));

    assertThat(data.isEmpty()).isTrue();
    assertThat(data.sessionCount()).isEqualTo(1);
    assertThat(data.toJson()).isEqualTo(json("[]"));
  }

  @Test
  void ungroupedBatchNodesMultiplyAndTheirEdgesStayZipped() {
    BatchData data = BatchData.fromWorkflow(workflow(
        List.of(batch("ints", "integer_batch", "integers", "[1, 2, 3]", "None"),
            batch("words", "string_batch", "strings", "['x', 'y']", "None"),
            invocation("add", "add", "{}"), invocation("str", "string", "{}")),
        List.of(edge("ints", "value", "add", "a"), edge("ints", "value", "add", "b"),
            edge("words", "value", "str", "value"))));

    assertThat(data.toJson()).isEqualTo(json("""
        [[{'node_path': 'add', 'field_name': 'a', 'items': [1, 2, 3]},
          {'node_path': 'add', 'field_name': 'b', 'items': [1, 2, 3]}],
         [{'node_path': 'str', 'field_name': 'value', 'items': ['x', 'y']}]]"""));
    assertThat(data.sessionCount()).isEqualTo(6);
  }

  @Test
  void groupedBatchNodesZipInOrderOfFirstAppearance() {
    BatchData data = BatchData.fromWorkflow(workflow(
        List.of(batch("g1", "integer_batch", "integers", "[1, 2]", "Group 1"),
            batch("solo", "float_batch", "floats", "[0.5, 1.5, 2.5]", "None"),
            batch("g2", "image_batch", "images", "[{'image_name': 'a.png'}, 'b.png']", "Group 1"),
            invocation("add", "add", "{}"), invocation("mul", "mul", "{}"),
            invocation("show", "show_image", "{}")),
        List.of(edge("g1", "value", "add", "a"), edge("solo", "value", "mul", "a"),
            edge("g2", "image", "show", "image"))));

    assertThat(data.toJson()).isEqualTo(json("""
        [[{'node_path': 'add', 'field_name': 'a', 'items': [1, 2]},
          {'node_path': 'show', 'field_name': 'image',
           'items': [{'image_name': 'a.png'}, {'image_name': 'b.png'}]}],
         [{'node_path': 'mul', 'field_name': 'a', 'items': [0.5, 1.5, 2.5]}]]"""));
    assertThat(data.sessionCount()).isEqualTo(6);
  }

  @Test
  void rejectsZippedBatchNodesOfDifferentLengthsNamingThem() {
    JsonNode wf = workflow(
        List.of(batch("g1", "integer_batch", "integers", "[1, 2]", "Group 2"),
            batch("g2", "integer_batch", "integers", "[1, 2, 3]", "Group 2"),
            invocation("add", "add", "{}")),
        List.of(edge("g1", "value", "add", "a"), edge("g2", "value", "add", "b")));

    assertThatThrownBy(() -> BatchData.fromWorkflow(wf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Group 2").hasMessageContaining("g1=2").hasMessageContaining("g2=3");
  }

  @Test
  void rejectsAnEmptyBatchNode() {
    JsonNode wf = workflow(
        List.of(batch("b", "integer_batch", "integers", "[]", "None"), invocation("add", "add", "{}")),
        List.of(edge("b", "value", "add", "a")));

    assertThatThrownBy(() -> BatchData.fromWorkflow(wf))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch node b");
  }

  @Test
  void followsConnectorsToTheTargets() {
    BatchData data = BatchData.fromWorkflow(workflow(
        List.of(batch("b", "integer_batch", "integers", "[4, 5]", "None"), connector("c"),
            invocation("add", "add", "{}")),
        List.of(edge("b", "value", "c", "in"), edge("c", "out", "add", "b"))));

    assertThat(data.toJson()).isEqualTo(json(
        "[[{'node_path': 'add', 'field_name': 'b', 'items': [4, 5]}]]"));
  }

  @Test
  void takesValuesFromAGeneratorBehindAConnector() {
    BatchData data = BatchData.fromWorkflow(workflow(
        List.of(invocation("gen", "integer_generator", "{'generator': {'type':"
                + " 'integer_generator_arithmetic_sequence', 'start': 10, 'step': 5, 'count': 3}}"),
            connector("c"),
            batch("b", "integer_batch", "integers", "[1]", "None"),
            invocation("add", "add", "{}")),
        List.of(edge("gen", "integers", "c", "in"), edge("c", "out", "b", "integers"),
            edge("b", "value", "add", "a"))));

    assertThat(data.toJson()).isEqualTo(json(
        "[[{'node_path': 'add', 'field_name': 'a', 'items': [10, 15, 20]}]]"));
  }

  @Test
  void reportsGeneratorsThatNeedTheServer() {
    JsonNode wf = workflow(
        List.of(invocation("gen", "image_generator", "{'generator': {'type':"
                + " 'image_generator_images_from_board', 'board_id': 'b1', 'category': 'images'}}"),
            batch("b", "image_batch", "images", "[]", "None"),
            invocation("show", "show_image", "{}")),
        List.of(edge("gen", "images", "b", "images"), edge("b", "image", "show", "image")));

    assertThatThrownBy(() -> BatchData.fromWorkflow(wf))
        .isInstanceOfSatisfying(UnresolvableBatchException.class,
            e -> assertThat(e.nodeId()).isEqualTo("gen"));
  }

  @Test
  void sweepsAddGroupsToTheProduct() {
    BatchData data = BatchData.empty()
        .plus(Sweep.of("noise", "seed", 1, 2, 3))
        .plus(Sweep.zip(BatchDatum.of("den", "steps", List.of(20, 30)),
            BatchDatum.of("den", "cfg_scale", List.of(5.0, 7.5))));

    assertThat(data.sessionCount()).isEqualTo(6);
    assertThat(data.toJson()).isEqualTo(json("""
        [[{'node_path': 'noise', 'field_name': 'seed', 'items': [1, 2, 3]}],
         [{'node_path': 'den', 'field_name': 'steps', 'items': [20, 30]},
          {'node_path': 'den', 'field_name': 'cfg_scale', 'items': [5.0, 7.5]}]]"""));
  }

  @Test
  void productOfSweepsKeepsEachGroup() {
    Sweep sweep = Sweep.product(Sweep.of("a", "x", 1, 2), Sweep.of("b", "y", "p", "q", "r"));

    assertThat(sweep.groups()).hasSize(2);
    assertThat(sweep.sessionCount()).isEqualTo(6);
  }

  @Test
  void rejectsZippedDatumsOfDifferentLengths() {
    assertThatThrownBy(() -> Sweep.zip(BatchDatum.of("a", "x", List.of(1, 2)),
            BatchDatum.of("b", "y", List.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.x=2").hasMessageContaining("b.y=1");
  }

  @Test
  void rejectsTheSameNodeFieldTwice() {
    assertThatThrownBy(() -> BatchData.empty().plus(Sweep.of("a", "x", 1)).plus(Sweep.of("a", "x", 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.x twice");
  }

  @Test
  void rejectsDatumsForNodesNotInTheGraph() {
    Graph graph = GraphBuilder.build(workflow(List.of(invocation("a", "add", "{}")), List.of()));
    BatchData data = BatchData.empty().plus(Sweep.of("ghost", "value", 1));

    assertThatThrownBy(() -> data.checkAgainst(graph))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost.value");
  }

  @Test
  void anEmptyDatumGivesNoSessions() {
    assertThat(BatchData.empty().plus(Sweep.zip(BatchDatum.of("a", "x", List.of()))).sessionCount())
        .isZero();
  }

  @Test
  void wrapsImageNames() {
    assertThat(BatchDatum.ofImages("s", "image", List.of("a.png")).toJson()).isEqualTo(json(
        "{'node_path': 's', 'field_name': 'image', 'items': [{'image_name': 'a.png'}]}"));
  }

  @Test
  void rejectsUnsupportedItemTypes() {
    assertThatThrownBy(() -> BatchDatum.of("a", "x", List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
  }
}
