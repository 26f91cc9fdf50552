package io.invoke4j.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.Fixtures;
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
}
