package io.invoke4j.domain.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema table of built-in nodes shipped with the domain, and the typing rule over it. */
class BuiltInNodesTest {
  private final BuiltInNodes table = BuiltInNodes.shipped();

  @Test
  void namesTheInvokeAiVersionItWasTakenFrom() {
    assertThat(table.invokeAiVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void typesBuiltInInputsAsTheSchemaDoes() {
    assertThat(table.type("img_blur", "radius")).contains(FieldType.FLOAT);
    assertThat(table.type("img_blur", "blur_type")).contains(FieldType.enumOf(List.of("gaussian", "box")));
    assertThat(table.type("denoise_latents", "scheduler")).contains(FieldType.SCHEDULER);
    assertThat(table.type("save_image", "board")).contains(FieldType.BOARD);
    assertThat(table.type("sdxl_model_loader", "model")).contains(FieldType.MODEL);
    assertThat(table.type("blank_image", "color")).contains(FieldType.COLOR);
    assertThat(table.type("integer_collection", "collection"))
        .contains(FieldType.collectionOf(FieldType.INTEGER));
  }

  @Test
  void leavesConnectionOnlyAndUnknownFieldsOpen() {
    assertThat(table.type("denoise_latents", "unet")).isEmpty();
    assertThat(table.required("denoise_latents", "unet")).contains(true);
    assertThat(table.type("my_custom_node", "width")).isEmpty();
    assertThat(table.required("my_custom_node", "width")).isEmpty();
  }

  @Test
  void knowsWhichInputsMustBeFed() {
    assertThat(table.required("img_blur", "image")).contains(true);
    assertThat(table.required("img_blur", "radius")).contains(false);
    assertThat(table.required("flux_model_loader", "model")).contains(true);
    assertThat(table.required("flux_model_loader", "vae_model")).contains(false);
  }

  @Test
  void aFloatFieldHoldingAWholeNumberIsStillAFloat() {
    // the example stores radius 4; without the table it would read as an integer
    WorkflowDefinition blur = WorkflowDefinition.fromFile(Path.of("../examples/blur-resize-save.json"));

    assertThat(blur.input(1).type()).isEqualTo(FieldType.FLOAT);
    assertThat(blur.withValueText(1, "2.5").input(1).value().orElseThrow().toJson().asDouble()).isEqualTo(2.5);
  }

  @Test
  void customNodesFallThroughToTheLaterRules() {
    FieldContext custom = FieldContext.builder()
        .nodeType("my_custom_node").fieldName("radius")
        .field(JsonNodeFactory.instance.objectNode().put("value", 3))
        .node(JsonNodeFactory.instance.objectNode())
        .build();

    assertThat(TypingRules.builtInNodes().type(custom)).isEmpty();
    assertThat(FieldTyper.offline().type(custom)).isEqualTo(FieldType.FLOAT); // by its well-known name
  }
}
