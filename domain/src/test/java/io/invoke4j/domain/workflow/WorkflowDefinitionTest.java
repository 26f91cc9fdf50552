package io.invoke4j.domain.workflow;

import static io.invoke4j.domain.workflow.TestWorkflows.node;
import static io.invoke4j.domain.workflow.TestWorkflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.field.BoardValue;
import io.invoke4j.domain.field.EnumValue;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.IntegerValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowDefinitionTest {
  private final WorkflowDefinition small = WorkflowDefinition.fromJson(TestWorkflows.small());

  @Test
  void settingAValueCopiesOnlyThePathToTheField() {
    WorkflowDefinition changed = small.withValue(0, 4242);

    assertThat(small.json().at("/nodes/0/data/inputs/value/value").asInt()).isNotEqualTo(4242);
    assertThat(changed.json().at("/nodes/0/data/inputs/value/value").asInt()).isEqualTo(4242);
    assertThat(changed.node("seed").orElseThrow().field("value").orElseThrow().value())
        .contains(new IntegerValue(4242));
    // everything off the path is shared (the JSON is read-only by agreement), so a sweep loop does not
    // copy the workflow per value
    for (int i = 1; i < small.nodes().size(); i++) {
      assertThat(changed.json().get("nodes").get(i)).isSameAs(small.json().get("nodes").get(i));
      assertThat(changed.nodes().get(i)).isSameAs(small.nodes().get(i));
    }
    assertThat(changed.json().get("edges")).isSameAs(small.json().get("edges"));
    assertThat(changed.json().get("form")).isSameAs(small.json().get("form"));
  }

  @Test
  void readsNameVersionAndNodes() {
    assertThat(small.name()).isEqualTo("Small");
    assertThat(small.schemaVersion()).isEqualTo("4.0.0");
    assertThat(small.id()).isEmpty();
    assertThat(small.nodes()).extracting(WorkflowNode::id, WorkflowNode::kind, WorkflowNode::type)
        .startsWith(tuple("seed", "invocation", "integer"))
        .endsWith(tuple("note", "notes", "notes"));
    assertThat(small.warnings()).isEmpty();
  }

  @Test
  void discoversFormInputsInDepthFirstPreOrder() {
    assertThat(small.inputs()).extracting(WorkflowInput::index, WorkflowInput::nodeId, WorkflowInput::fieldName)
        .containsExactly(
            tuple(0, "seed", "value"),
            tuple(1, "abc", "width"),
            tuple(2, "den", "scheduler"),
            tuple(3, "den", "steps"),
            tuple(4, "den", "cfg_scale"),
            tuple(5, "style", "value"),
            tuple(6, "loader", "model"),
            tuple(7, "save", "board"));
  }

  @Test
  void ignoresExposedFieldsWhenTheFormHasFields() {
    // the file's exposedFields lists only the seed; the form wins
    assertThat(small.inputs()).hasSize(8);
  }

  @Test
  void describesAnInputAsTheGuiShowsIt() {
    WorkflowInput width = small.input(1);
    assertThat(width.label()).isEqualTo("Width");
    assertThat(width.nodeName()).isEqualTo("Resize");
    assertThat(width.nodeType()).isEqualTo("img_resize");
    assertThat(width.type()).isEqualTo(FieldType.INTEGER);
    assertThat(width.value()).contains(new IntegerValue(512));
    assertThat(width.jsonPath()).isEqualTo("$.nodes[1].data.inputs.width.value");
    assertThat(width.formElementId()).contains("node-field-width");
    assertThat(width.settings()).isEmpty();
  }

  @Test
  void fallsBackToTemplateTitlesWhenLabelsAreBlank() {
    // as the GUI: an unlabelled input shows its template's title, an unlabelled node its node's title
    WorkflowInput scheduler = small.input(2);
    assertThat(scheduler.label()).isEqualTo("Scheduler");
    assertThat(scheduler.nodeName()).isEqualTo("Denoise - SD1.5, SDXL");
  }

  @Test
  void fallsBackToFieldNameAndNodeTypeWhenNoTitleIsKnown() {
    WorkflowDefinition untitled = small.withTyper(io.invoke4j.domain.field.FieldTyper.builder()
        .rules(io.invoke4j.domain.field.FieldTyper.offlineRules())
        .titles(io.invoke4j.domain.field.NodeTitles.none())
        .build());
    WorkflowInput scheduler = untitled.input(2);
    assertThat(scheduler.label()).isEqualTo("scheduler");
    assertThat(scheduler.nodeName()).isEqualTo("denoise_latents");
  }

  @Test
  void typesInputsFromSettingsShapesAndNames() {
    assertThat(small.inputs()).extracting(i -> i.type().name())
        .containsExactly("integer", "integer", "scheduler", "integer", "float", "enum", "model", "board");
    assertThat(small.input(5).type().options()).containsExactly("photo", "anime");
    assertThat(small.input(3).settings().map(s -> s.get("max").asInt())).contains(100);
    assertThat(small.input(7).value()).contains(BoardValue.auto());
  }

  @Test
  void keepsTheJsonOfEveryValue() {
    // cfg_scale is a float field holding 7: it must stay 7, not become 7.0
    assertThat(small.input(4).value().orElseThrow().toJson().toString()).isEqualTo("7");
    assertThat(small.input(6).value().orElseThrow().toJson())
        .isEqualTo(small.json().at("/nodes/3/data/inputs/model/value"));
  }

  @Test
  void marksWellKnownRequiredInputs() {
    String json = workflow("3.0.0", node("s", "save_image", "\"image\":{\"name\":\"image\",\"label\":\"\"},"
        + "\"board\":{\"name\":\"board\",\"label\":\"\"}"), "",
        "\"exposedFields\":[{\"nodeId\":\"s\",\"fieldName\":\"image\"},{\"nodeId\":\"s\",\"fieldName\":\"board\"}]");
    WorkflowDefinition wf = WorkflowDefinition.fromJson(json);
    assertThat(wf.inputs()).extracting(WorkflowInput::required).containsExactly(true, false);
    assertThat(wf.inputs()).extracting(WorkflowInput::type).containsExactly(FieldType.IMAGE, FieldType.BOARD);
    assertThat(wf.input(0).value()).isEmpty();
  }

  @Test
  void rejectsAnUnknownIndexNamingTheRange() {
    assertThatThrownBy(() -> small.input(8))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no input 8: the workflow has 8 inputs (valid indexes 0..7)");
    assertThatThrownBy(() -> small.withValueText(-1, "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no input -1");
  }

  @Test
  void setsAValueInACopyAndLeavesTheOriginal() {
    WorkflowDefinition changed = small.withValueText(1, "768");
    assertThat(changed.input(1).value()).contains(new IntegerValue(768));
    assertThat(changed.json().at("/nodes/1/data/inputs/width/value").asInt()).isEqualTo(768);
    assertThat(small.input(1).value()).contains(new IntegerValue(512));
    assertThat(small.json().at("/nodes/1/data/inputs/width/value").asInt()).isEqualTo(512);
  }

  @Test
  void setValuesReadBackTheSame() {
    WorkflowDefinition changed = small.withValue(2, "dpmpp_3m_k").withValue(4, 5.5).withValue(6,
        "{\"key\":\"k2\",\"hash\":\"h\",\"name\":\"n\",\"base\":\"sdxl\",\"type\":\"main\"}").withValue(7, "none");
    WorkflowDefinition reread = WorkflowDefinition.fromJsonNode(changed.json());
    assertThat(reread.inputs()).isEqualTo(changed.inputs());
    assertThat(changed.input(2).value()).contains(new EnumValue("dpmpp_3m_k", FieldType.SCHEDULER.options()));
  }

  @Test
  void rejectsAWrongTypeNamingInputNodeAndField() {
    assertThatThrownBy(() -> small.withValueText(1, "abc"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("input 1 \"Width\" (node \"Resize\" img_resize#abc, field width): expected integer, got \"abc\"");
    assertThatThrownBy(() -> small.withValue(1, 1.5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("expected integer, got 1.5");
    assertThatThrownBy(() -> small.withValue(2, "fastest"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("field scheduler): expected scheduler (one of euler, deis");
    assertThatThrownBy(() -> small.withValueText(5, "watercolor"))
        .hasMessageContaining("expected enum (one of photo, anime), got \"watercolor\"");
  }

  @Test
  void acceptsAWholeFloatForAnIntegerAndAnIntegerForAFloat() {
    assertThat(small.withValue(1, 640.0).input(1).value()).contains(new IntegerValue(640));
    assertThat(small.withValue(4, 6).json().at("/nodes/2/data/inputs/cfg_scale/value").toString()).isEqualTo("6");
  }

  @Test
  void writesEveryViewOfAFieldShownTwice() {
    String json = workflow("3.0.0", node("n", "integer", "\"value\":{\"name\":\"value\",\"label\":\"\",\"value\":1}"),
        "", "\"exposedFields\":[{\"nodeId\":\"n\",\"fieldName\":\"value\"},{\"nodeId\":\"n\",\"fieldName\":\"value\"}]");
    WorkflowDefinition wf = WorkflowDefinition.fromJson(json).withValue(1, 9);
    assertThat(wf.inputs()).extracting(WorkflowInput::value)
        .containsExactly(Optional.of(new IntegerValue(9)), Optional.of(new IntegerValue(9)));
  }

  @Test
  void setsAValueOnAFieldThatHadNone() {
    String json = workflow("3.0.0", node("s", "save_image", "\"image\":{\"name\":\"image\",\"label\":\"\"}"), "",
        "\"exposedFields\":[{\"nodeId\":\"s\",\"fieldName\":\"image\"}]");
    WorkflowDefinition wf = WorkflowDefinition.fromJson(json).withValueText(0, "cat.png");
    assertThat(wf.json().at("/nodes/0/data/inputs/image/value").toString()).isEqualTo("{\"image_name\":\"cat.png\"}");
  }

  @Test
  void deepCopiesTheTreeItIsGiven() {
    ObjectNode tree = (ObjectNode) small.json().deepCopy();
    WorkflowDefinition wf = WorkflowDefinition.fromJsonNode(tree);
    tree.put("name", "changed");
    ((ObjectNode) tree.at("/nodes/1/data/inputs/width")).put("value", 1);
    assertThat(wf.json().get("name").asText()).isEqualTo("Small");
    assertThat(wf.json().at("/nodes/1/data/inputs/width/value").asInt()).isEqualTo(512);
  }

  @Test
  void readsFromStreamsAndFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("wf.json");
    Files.writeString(file, TestWorkflows.small());
    assertThat(WorkflowDefinition.fromFile(file).inputs()).isEqualTo(small.inputs());
    assertThat(WorkflowDefinition.fromStream(new ByteArrayInputStream(
        TestWorkflows.small().getBytes(StandardCharsets.UTF_8))).inputs()).isEqualTo(small.inputs());
    assertThatThrownBy(() -> WorkflowDefinition.fromFile(dir.resolve("missing.json")))
        .isInstanceOf(WorkflowFormatException.class)
        .hasMessageStartingWith("$: cannot read");
  }

  @Test
  void retypesWithAnotherTyper() {
    WorkflowDefinition retyped = small.withTyper(io.invoke4j.domain.field.FieldTyper.builder()
        .rule(ctx -> ctx.fieldName().equals("width") ? Optional.of(FieldType.FLOAT) : Optional.empty())
        .rules(io.invoke4j.domain.field.FieldTyper.offlineRules())
        .build());
    assertThat(retyped.input(1).type()).isEqualTo(FieldType.FLOAT);
    assertThat(retyped.input(0).type()).isEqualTo(FieldType.INTEGER);
  }

  @Test
  void treatsANullValueAsNoValue() {
    String json = workflow("3.0.0", node("l", "wan_lora_loader", "\"lora\":{\"name\":\"lora\",\"label\":\"\",\"value\":null}"),
        "", "\"exposedFields\":[{\"nodeId\":\"l\",\"fieldName\":\"lora\"}]");
    WorkflowInput lora = WorkflowDefinition.fromJson(json).input(0);
    assertThat(lora.value()).isEmpty();
    assertThat(lora.type()).isEqualTo(FieldType.MODEL);
  }

  @Test
  void exposesTheInternalTreeReadOnlyByAgreement() {
    assertThat(small.json()).isSameAs(small.json());
    assertThat(small.json().get("nodes").size()).isEqualTo(7);
  }
}
