package io.invoke4j.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.Fixtures;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowField;
import io.invoke4j.domain.workflow.WorkflowNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real workflow (GUI exports and InvokeAI's defaults) builds a consistent request. */
class AllFixtureWorkflowsTest {
  static List<Path> workflows() {
    return Fixtures.workflows();
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void buildsARequestWhoseEdgesStayInsideTheGraph(Path file) {
    JsonNode workflow = TestJson.read(file);

    EnqueueRequest request = EnqueueRequest.forWorkflow(workflow).autoAddBoard("b1").build();

    Graph graph = request.graph();
    assertThat(graph.nodes().size()).isPositive();
    for (JsonNode edge : graph.edges()) {
      assertThat(graph.nodes().has(edge.at("/source/node_id").asText())).as("%s", edge).isTrue();
      JsonNode destination = graph.nodes().get(edge.at("/destination/node_id").asText());
      assertThat(destination).as("%s", edge).isNotNull();
      assertThat(destination.has(edge.at("/destination/field").asText())).as("%s", edge).isFalse();
    }
    graph.nodes().fields().forEachRemaining(node -> {
      assertThat(node.getValue().get("id").asText()).isEqualTo(node.getKey());
      assertThat(node.getValue().path("board").isTextual()).as(node.getKey()).isFalse();
    });
    assertThat(request.expectedSessions()).isEqualTo(1);
    assertThat(request.toJson().at("/batch/workflow").has("id")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void sendsWhatTheDefinitionReadAndTranslatesOnlyItsBoardFields(Path file) {
    WorkflowDefinition workflow = WorkflowDefinition.fromFile(file);

    Graph graph = EnqueueRequest.forWorkflow(workflow).autoAddBoard("b1").build().graph();

    for (JsonNode edge : graph.edges()) {
      String node = edge.at("/destination/node_id").asText();
      String field = edge.at("/destination/field").asText();
      assertThat(workflow.edges()).as("%s", edge).anySatisfy(parsed -> {
        assertThat(parsed.isConnection()).isTrue();
        assertThat(parsed.target()).isEqualTo(node);
        assertThat(parsed.targetHandle()).contains(field);
      });
    }
    for (WorkflowNode node : workflow.nodes()) {
      for (WorkflowField field : node.fields()) {
        JsonNode sent = graph.nodes().path(node.id()).get(field.name());
        if (sent == null || node.type().equals("call_saved_workflow")) {
          continue; // not executed, connected, or no value
        }
        if (field.type().kind() == FieldType.Kind.BOARD) {
          assertThat(sent.path("board_id").isTextual()).as("%s.%s", node.id(), field.name()).isTrue();
        } else {
          assertThat(sent).as("%s.%s", node.id(), field.name()).isEqualTo(field.json().get("value"));
        }
      }
    }
  }
}
