package io.invoke4j.domain.workflow;

import static io.invoke4j.domain.workflow.TestWorkflows.node;
import static io.invoke4j.domain.workflow.TestWorkflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InputDriftTest {
  private static final String NODES = node("a", "integer", "\"value\":{\"name\":\"value\",\"label\":\"\",\"value\":1}")
      + "," + node("b", "float", "\"value\":{\"name\":\"value\",\"label\":\"\",\"value\":1.5}")
      + "," + node("c", "string", "\"value\":{\"name\":\"value\",\"label\":\"\",\"value\":\"x\"}");

  private static WorkflowDefinition exposing(String... nodeIds) {
    StringBuilder exposed = new StringBuilder("\"exposedFields\":[");
    for (int i = 0; i < nodeIds.length; i++) {
      exposed.append(i == 0 ? "" : ",").append("{\"nodeId\":\"").append(nodeIds[i]).append("\",\"fieldName\":\"value\"}");
    }
    return WorkflowDefinition.fromJson(workflow("3.0.0", NODES, "", exposed + "]"));
  }

  @Test
  void sameInputsAreUnchanged() {
    InputDrift drift = InputDrift.between(exposing("a", "b"), exposing("a", "b"));
    assertThat(drift.isUnchanged()).isTrue();
    assertThat(drift.indexMap()).isEqualTo(Map.of(0, 0, 1, 1));
  }

  @Test
  void mapsMovedInputsAndListsRemovedAndAdded() {
    InputDrift drift = InputDrift.between(exposing("a", "b", "c"), exposing("c", "a"));
    assertThat(drift.indexMap()).containsExactly(Map.entry(0, 1), Map.entry(2, 0));
    assertThat(drift.removed()).extracting(WorkflowInput::nodeId).containsExactly("b");
    assertThat(drift.added()).isEmpty();
    assertThat(drift.newIndex(1)).isEmpty();
    assertThat(drift.newIndex(2)).contains(0);
    assertThat(drift.isUnchanged()).isFalse();
    assertThat(InputDrift.between(exposing("a"), exposing("a", "b")).added())
        .extracting(WorkflowInput::nodeId).containsExactly("b");
  }

  @Test
  void matchesAFieldShownTwiceOccurrenceByOccurrence() {
    InputDrift drift = InputDrift.between(exposing("a", "a"), exposing("b", "a", "a"));
    assertThat(drift.indexMap()).containsExactly(Map.entry(0, 1), Map.entry(1, 2));
    assertThat(drift.added()).extracting(WorkflowInput::nodeId).containsExactly("b");
  }
}
