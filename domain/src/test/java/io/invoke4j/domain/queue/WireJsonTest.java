package io.invoke4j.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.domain.Fixtures;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The body as sent (embedded workflow encoded once per part) says what {@code toJson()} says. */
class WireJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<Path> workflows() {
    return Fixtures.workflows();
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void wireBodyReadsBackAsTheTreeBodyBeforeAndAfterChanges(Path file) throws Exception {
    WorkflowDefinition workflow = WorkflowDefinition.fromFile(file);
    assertSameBody(workflow);

    WorkflowDefinition changed = workflow;
    for (WorkflowInput input : workflow.inputs()) {
      if (input.value().isPresent()) {
        changed = changed.withValue(input.index(), input.value().get());
      }
    }
    assertSameBody(changed);
    assertSameBody(workflow); // the parts cached for the changed copy do not leak into the original
  }

  private static void assertSameBody(WorkflowDefinition workflow) throws Exception {
    EnqueueRequest request = EnqueueRequest.forWorkflow(workflow).graphIds(() -> "g").randomSeeds(() -> 7).build();
    JsonNode wire = MAPPER.readTree(MAPPER.writeValueAsBytes(request.toWireJson()));
    assertThat(wire).isEqualTo(request.toJson());
    assertThat(MAPPER.writeValueAsString(wire)).isEqualTo(MAPPER.writeValueAsString(request.toJson()));
  }
}
