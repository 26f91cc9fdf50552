package io.invoke4j.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.domain.Fixtures;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Required inputs left empty, found before sending, as the GUI does before it lets you invoke. */
class MissingInputsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode example(String name) {
    return WorkflowDefinition.fromFile(Path.of("../examples", name)).json();
  }

  @Test
  void anImageNodeWithoutItsImageIsMissingIt() {
    assertThat(MissingInputs.find(example("blur-resize-save.json")))
        .extracting(MissingInput::nodeType, MissingInput::fieldName, MissingInput::nodeName)
        .containsExactly(tuple("image", "image", "Source image"));
  }

  @Test
  void settingTheValueOrConnectingTheInputSatisfiesIt() {
    WorkflowDefinition blur = WorkflowDefinition.fromFile(Path.of("../examples/blur-resize-save.json"));

    assertThat(MissingInputs.find(blur.withValue(0, "x.png").json())).isEmpty();
    // add.a has no value of its own here but is fed by the integer node
    assertThat(MissingInputs.find(example("integer-add.json"))).isEmpty();
    assertThat(MissingInputs.find(example("blank-blur-save.json"))).isEmpty();
  }

  @Test
  void describesTheNodeAndTheField() {
    MissingInput missing = MissingInputs.find(example("blur-resize-save.json")).get(0);

    assertThat(missing.describe()).isEqualTo("node \"Source image\" image#" + missing.nodeId()
        + ": required input image has no value and no connection");
  }

  @Test
  void aWorkflowTheGuiRanHasNothingMissing() throws IOException {
    JsonNode item = MAPPER.readTree(Fixtures.read("queue-items/completed-sdxl-text-to-image.json"));

    assertThat(MissingInputs.find(item.get("workflow"))).isEmpty();
  }

  @Test
  void findsWhatTheServerLaterReportsForFixtures() {
    // the model-less server fails copy-image with "Node save_image missing value or connection for
    // field image" and flux-text-to-image with the same for flux_model_loader.model
    assertThat(MissingInputs.find(WorkflowDefinition.fromFile(
            Fixtures.file("workflows/gui-exported/copy-image.json")).json()))
        .extracting(MissingInput::nodeType, MissingInput::fieldName)
        .containsExactly(tuple("save_image", "image"));
    assertThat(MissingInputs.find(WorkflowDefinition.fromFile(
            Fixtures.file("workflows/invokeai-defaults/flux-text-to-image.json")).json()))
        .extracting(MissingInput::nodeType, MissingInput::fieldName)
        .contains(tuple("flux_model_loader", "model"));
  }
}
