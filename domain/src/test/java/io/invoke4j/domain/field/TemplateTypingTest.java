package io.invoke4j.domain.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTypingTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final NodeTemplates TEMPLATES = NodeTemplatesTest.TEMPLATES;
  private static final FieldTyper WITH_TEMPLATES = FieldTyper.withTemplates(TEMPLATES);

  private static FieldContext ctx(String nodeType, String fieldName, JsonNode value) {
    ObjectNode field = F.objectNode().put("name", fieldName).put("label", "");
    if (value != null) {
      field.set("value", value);
    }
    return FieldContext.builder().nodeType(nodeType).fieldName(fieldName).field(field).node(F.objectNode()).build();
  }

  @Test
  void typesAVideoFieldTheOfflineRulesCannotTellFromItsValue() {
    assertThat(WITH_TEMPLATES.type(ctx("extract_video_range", "video", null))).isEqualTo(FieldType.VIDEO);
    assertThat(FieldValues.read(FieldType.VIDEO, F.objectNode().put("video_name", "v.mp4")))
        .isEqualTo(new VideoValue("v.mp4"));
  }

  @Test
  void typesEnumsWithTheSchemasOptions() {
    assertThat(WITH_TEMPLATES.type(ctx("img_blur", "blur_type", F.textNode("box"))))
        .isEqualTo(FieldType.enumOf(List.of("gaussian", "box")));
    // offline the same field is only a string by its value
    assertThat(FieldTyper.builder().rules(List.of(TypingRules.valueShape(), TypingRules.jsonValueType())).build()
        .type(ctx("img_blur", "blur_type", F.textNode("box")))).isEqualTo(FieldType.STRING);
  }

  @Test
  void typesAFloatFieldHoldingAWholeNumberAsFloat() {
    // the GUI writes 1 for a float set to one; the schema, not the value, decides
    assertThat(WITH_TEMPLATES.type(ctx("float", "value", F.numberNode(1)))).isEqualTo(FieldType.FLOAT);
  }

  @Test
  void typesConnectionOnlyFieldsRawRatherThanGuessingFromTheirName() {
    assertThat(WITH_TEMPLATES.type(ctx("denoise_latents", "latents", null))).isEqualTo(FieldType.RAW);
    assertThat(WITH_TEMPLATES.type(ctx("lora_selector", "lora", null))).isEqualTo(FieldType.MODEL);
  }

  @Test
  void leavesUnknownNodesToTheOfflineRules() {
    assertThat(WITH_TEMPLATES.type(ctx("my_custom_node", "seed", F.numberNode(3)))).isEqualTo(FieldType.INTEGER);
    assertThat(TypingRules.fromTemplates(TEMPLATES).type(ctx("my_custom_node", "seed", null))).isEmpty();
  }

  @Test
  void typesVideosOfflineFromTheTableAndFromTheirShape() {
    assertThat(FieldTyper.offline().type(ctx("extract_video_range", "video", null))).isEqualTo(FieldType.VIDEO);
    assertThat(FieldTyper.offline().type(ctx("my_custom_node", "clip", F.objectNode().put("video_name", "v.mp4"))))
        .isEqualTo(FieldType.VIDEO);
  }

  private static final String WORKFLOW = "{\"name\":\"t\",\"meta\":{\"version\":\"3.0.0\"},\"nodes\":["
      + "{\"id\":\"n1\",\"type\":\"invocation\",\"position\":{\"x\":0,\"y\":0},\"data\":{\"id\":\"n1\","
      + "\"type\":\"extract_video_range\",\"version\":\"1.0.0\",\"label\":\"\",\"notes\":\"\",\"isOpen\":true,"
      + "\"isIntermediate\":true,\"useCache\":true,\"inputs\":{"
      + "\"start_frame\":{\"name\":\"start_frame\",\"label\":\"\",\"value\":0},"
      + "\"end_frame\":{\"name\":\"end_frame\",\"label\":\"Last\",\"value\":-1},"
      + "\"video\":{\"name\":\"video\",\"label\":\"\",\"value\":{\"video_name\":\"v.mp4\"}}}}},"
      + "{\"id\":\"n2\",\"type\":\"invocation\",\"position\":{\"x\":0,\"y\":0},\"data\":{\"id\":\"n2\","
      + "\"type\":\"my_custom_node\",\"version\":\"1.0.0\",\"label\":\"\",\"notes\":\"\",\"isOpen\":true,"
      + "\"isIntermediate\":true,\"useCache\":true,\"inputs\":{"
      + "\"start_frame\":{\"name\":\"start_frame\",\"label\":\"\",\"value\":0}}}}],"
      + "\"edges\":[],\"exposedFields\":[{\"nodeId\":\"n1\",\"fieldName\":\"start_frame\"},"
      + "{\"nodeId\":\"n1\",\"fieldName\":\"end_frame\"},{\"nodeId\":\"n1\",\"fieldName\":\"video\"},"
      + "{\"nodeId\":\"n2\",\"fieldName\":\"start_frame\"}]}";

  @Test
  void labelsInputsLikeTheGui() {
    WorkflowDefinition workflow = WorkflowDefinition.fromJson(WORKFLOW, WITH_TEMPLATES);
    assertThat(workflow.inputs()).extracting(WorkflowInput::label, WorkflowInput::nodeName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Start Frame", "Frame Range from Video"),
            org.assertj.core.groups.Tuple.tuple("Last", "Frame Range from Video"), // the workflow's label wins
            org.assertj.core.groups.Tuple.tuple("Video", "Frame Range from Video"),
            org.assertj.core.groups.Tuple.tuple("start_frame", "my_custom_node")); // unknown: names
    assertThat(workflow.inputs().get(2).value()).contains(new VideoValue("v.mp4"));
  }

  @Test
  void setsAVideoFromItsNameOrJsonLikeAnImage() {
    WorkflowDefinition workflow = WorkflowDefinition.fromJson(WORKFLOW, WITH_TEMPLATES);
    assertThat(workflow.withValue(2, "clip.mp4").inputs().get(2).value()).contains(new VideoValue("clip.mp4"));
    assertThat(workflow.withValue(2, "{\"video_name\": \"b.mp4\"}").inputs().get(2).value())
        .contains(new VideoValue("b.mp4"));
    assertThat(FieldValues.convert(FieldType.VIDEO, F.textNode("c.mp4")).toJson())
        .isEqualTo(F.objectNode().put("video_name", "c.mp4"));
  }

  @Test
  void labelsInputsWithTheBuiltInTitlesOffline() {
    WorkflowDefinition workflow = WorkflowDefinition.fromJson(WORKFLOW);
    assertThat(workflow.inputs()).extracting(WorkflowInput::label)
        .containsExactly("Start Frame", "Last", "Video", "start_frame");
    assertThat(workflow.inputs().get(0).nodeName()).isEqualTo("Frame Range from Video");
    assertThat(workflow.inputs().get(2).type()).isEqualTo(FieldType.VIDEO);
  }
}
