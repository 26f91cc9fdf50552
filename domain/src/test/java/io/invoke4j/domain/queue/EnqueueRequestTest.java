package io.invoke4j.domain.queue;

import static io.invoke4j.domain.queue.TestJson.collapsed;
import static io.invoke4j.domain.queue.TestJson.edge;
import static io.invoke4j.domain.queue.TestJson.invocation;
import static io.invoke4j.domain.queue.TestJson.json;
import static io.invoke4j.domain.queue.TestJson.notes;
import static io.invoke4j.domain.queue.TestJson.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowFormatException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnqueueRequestTest {
  private final ObjectNode workflow = workflow(
      List.of(invocation("a", "integer", "{'value': 1}"),
          invocation("b", "add", "{'a': 0, 'b': 2, 'board': 'auto'}"), notes("n"),
          invocation("batch", "integer_batch", "{'integers': [5, 6], 'batch_group_id': 'None'}")),
      List.of(edge("a", "value", "b", "a"), collapsed("a", "b"), edge("batch", "value", "b", "b")));

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void sendsTheGuisBodyInItsKeyOrder() {
    ObjectNode body = EnqueueRequest.forWorkflow(workflow).graphIds(() -> "g").build().toJson();

    assertThat(keys(body)).containsExactly("batch", "prepend");
    assertThat(keys(body.get("batch")))
        .containsExactly("graph", "workflow", "runs", "origin", "destination", "data");
    assertThat(body.get("prepend").asBoolean()).isFalse();
    assertThat(body.at("/batch/runs").asInt()).isEqualTo(1);
    assertThat(body.at("/batch/origin").asText()).isEqualTo("workflows");
    assertThat(body.at("/batch/destination").asText()).isEqualTo("gallery");
    assertThat(body.at("/batch/graph/id").asText()).isEqualTo("g");
    assertThat(body.at("/batch/data")).isEqualTo(json(
        "[[{'node_path': 'b', 'field_name': 'b', 'items': [5, 6]}]]"));
  }

  @Test
  void embedsTheWorkflowWithoutItsIdAsTheGuiRebuildsIt() {
    JsonNode embedded = EnqueueRequest.forWorkflow(workflow).build().toJson().at("/batch/workflow");

    assertThat(embedded.has("id")).isFalse();
    assertThat(keys(embedded)).containsExactly("name", "author", "description", "version",
        "contact", "tags", "notes", "nodes", "edges", "exposedFields", "meta", "form");
    assertThat(embedded.get("nodes")).hasSize(4);
    assertThat(keys(embedded.at("/nodes/0"))).containsExactly("id", "type", "data", "position");
    assertThat(embedded.at("/edges/1")).isEqualTo(json(
        "{'id': 'collapsed-a-b', 'type': 'collapsed', 'source': 'a', 'target': 'b'}"));
  }

  @Test
  void buildsFromADefinitionWithTheValuesSetOnIt() {
    WorkflowDefinition definition = WorkflowDefinition.fromJsonNode(workflow).withFieldValue("b", "b", 9);

    EnqueueRequest request = EnqueueRequest.forWorkflow(definition).graphIds(() -> "g").build();

    assertThat(request.toJson())
        .isEqualTo(EnqueueRequest.forWorkflow(definition.json()).graphIds(() -> "g").build().toJson());
    assertThat(request.workflow().orElseThrow().at("/nodes/1/data/inputs/b/value").asInt()).isEqualTo(9);
    // the batch node is not in the graph, so its edge is not either and the literal stays (the batch
    // data replaces it per session)
    assertThat(request.graph().nodes().at("/b/b").asInt()).isEqualTo(9);
  }

  @Test
  void refusesAnEdgeWithoutTypeInsteadOfSilentlyDroppingIt() {
    // the reader took a typeless edge for a connection while the graph builder skipped it, so b.a
    // was sent as the literal 0 instead of being fed by a; now both refuse it, as the GUI does
    ObjectNode typeless = workflow.deepCopy();
    ((ObjectNode) typeless.at("/edges/0")).remove("type");

    assertThatThrownBy(() -> EnqueueRequest.forWorkflow(typeless))
        .isInstanceOf(WorkflowFormatException.class)
        .hasMessageStartingWith("$.edges[0].type: ");
  }

  @Test
  void sendsEmptyDataWithoutBatchNodes() {
    ObjectNode body = EnqueueRequest.forWorkflow(
        workflow(List.of(invocation("a", "integer", "{}")), List.of())).build().toJson();

    assertThat(body.at("/batch/data")).isEqualTo(json("[]"));
  }

  @Test
  void appliesSettings() {
    EnqueueRequest request = EnqueueRequest.forWorkflow(workflow)
        .runs(3).autoAddBoard("b1").origin("invoke4j").destination("tests").prepend(true)
        .embedWorkflow(false)
        .build();

    ObjectNode body = request.toJson();
    assertThat(body.at("/batch/runs").asInt()).isEqualTo(3);
    assertThat(body.at("/batch/origin").asText()).isEqualTo("invoke4j");
    assertThat(body.at("/batch/destination").asText()).isEqualTo("tests");
    assertThat(body.get("prepend").asBoolean()).isTrue();
    assertThat(body.at("/batch").has("workflow")).isFalse();
    assertThat(request.graph().nodes().at("/b/board")).isEqualTo(json("{'board_id': 'b1'}"));
  }

  @Test
  void multipliesRunsBatchNodesAndSweeps() {
    EnqueueRequest request = EnqueueRequest.forWorkflow(workflow)
        .runs(2)
        .sweep(Sweep.of("a", "value", 10, 20, 30))
        .build();

    assertThat(request.data().groups()).hasSize(2);
    assertThat(request.expectedSessions()).isEqualTo(2 * 2 * 3);
  }

  @Test
  void rejectsRunsBelowOne() {
    assertThatThrownBy(() -> EnqueueRequest.forWorkflow(workflow).runs(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs");
  }

  @Test
  void rejectsSweepsOfNodesOutsideTheGraph() {
    assertThatThrownBy(() -> EnqueueRequest.forWorkflow(workflow)
            .sweep(Sweep.of("n", "notes", "x")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n.notes");
  }

  @Test
  void rejectsSweepingAFieldTheWorkflowAlreadyBatches() {
    assertThatThrownBy(() -> EnqueueRequest.forWorkflow(workflow)
            .sweep(Sweep.of("b", "b", 1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b.b twice");
  }
}
