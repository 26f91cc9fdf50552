package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.Fixtures;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.IntegerValue;
import io.invoke4j.domain.field.ModelValue;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every node's fields, not only the form's: read typed, set type-checked. */
class WorkflowFieldsTest {
  private static final String FLUX_LOADER = "55727cb5-6a2c-45ab-963d-ce9ed2e1471c";

  private final WorkflowDefinition small = WorkflowDefinition.fromJson(TestWorkflows.small());
  private final WorkflowDefinition refine =
      WorkflowDefinition.fromFile(Fixtures.file("workflows/gui-exported/sdxl-flux-refine.json"));

  private static ModelValue model(String key, String base, String type) {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("key", key).put("hash", "blake3:" + key)
        .put("name", key).put("base", base).put("type", type);
    return new ModelValue(json);
  }

  @Test
  void listsEveryFieldOfEveryInvocationNodeInFileOrder() {
    WorkflowNode loader = refine.node(FLUX_LOADER).orElseThrow();

    assertThat(loader.fields()).extracting(WorkflowField::name)
        .containsExactlyElementsOf(() -> loader.json().at("/data/inputs").fieldNames());
    assertThat(refine.fields()).hasSize(refine.nodes().stream().mapToInt(n -> n.fields().size()).sum());
    assertThat(small.node("note").orElseThrow().fields()).isEmpty();
  }

  @Test
  void typesFieldsOutsideTheFormWithTheDefinitionsTyper() {
    assertThat(refine.inputs()).noneMatch(i -> i.nodeId().equals(FLUX_LOADER) && i.fieldName().equals("vae_model"));

    WorkflowField vae = refine.field(FLUX_LOADER, "vae_model");

    assertThat(vae.nodeType()).isEqualTo("flux_model_loader");
    assertThat(vae.type()).isEqualTo(FieldType.MODEL);
    assertThat(vae.value()).get().isInstanceOfSatisfying(ModelValue.class, m -> {
      assertThat(m.base()).isEqualTo("flux");
      assertThat(m.type()).isEqualTo("vae");
    });
    assertThat(vae.jsonPath()).isEqualTo(refine.node(FLUX_LOADER).orElseThrow().jsonPath() + ".data.inputs.vae_model.value");
  }

  @Test
  void aFieldInTheFormHasTheTypeAndValueOfItsInput() {
    for (WorkflowInput input : refine.inputs()) {
      WorkflowField field = refine.field(input.nodeId(), input.fieldName());
      assertThat(tuple(field.type(), field.value(), field.label(), field.jsonPath()))
          .as(input.toString())
          .isEqualTo(tuple(input.type(), input.value(), input.label(), input.jsonPath()));
    }
  }

  @Test
  void replacesEveryModelOfAWorkflowAsAModelSyncWould() {
    List<WorkflowField> models = refine.fields().stream()
        .filter(f -> f.type().kind() == FieldType.Kind.MODEL && f.value().isPresent())
        .collect(Collectors.toList());
    assertThat(models).extracting(f -> f.nodeId() + "." + f.name())
        .contains(FLUX_LOADER + ".vae_model", FLUX_LOADER + ".t5_encoder_model");

    WorkflowDefinition synced = refine;
    for (WorkflowField field : models) {
      ModelValue old = (ModelValue) field.value().orElseThrow();
      synced = synced.withFieldValue(field.nodeId(), field.name(), model("new-" + old.key(), old.base(), old.type()));
    }

    for (WorkflowField field : models) {
      WorkflowField now = synced.field(field.nodeId(), field.name());
      assertThat(((ModelValue) now.value().orElseThrow()).key()).startsWith("new-");
      JsonNode written = synced.node(field.nodeId()).orElseThrow().json()
          .at("/data/inputs/" + field.name() + "/value/key");
      assertThat(written.asText()).isEqualTo(((ModelValue) now.value().orElseThrow()).key());
    }
    // inputs showing a replaced field show the new model too
    assertThat(synced.inputs()).filteredOn(i -> i.type().kind() == FieldType.Kind.MODEL && i.value().isPresent())
        .allSatisfy(i -> assertThat(((ModelValue) i.value().orElseThrow()).key()).startsWith("new-"));
    assertThat(refine.field(FLUX_LOADER, "vae_model").value().map(v -> ((ModelValue) v).key()).orElseThrow())
        .doesNotStartWith("new-");
  }

  @Test
  void setsAFieldFromJavaValuesConvertedToItsType() {
    WorkflowDefinition changed = small.withFieldValue("seed", "value", "7");

    assertThat(changed.field("seed", "value").value()).contains(new IntegerValue(7));
    assertThat(changed.input(0).value()).contains(new IntegerValue(7));
    assertThat(changed.json().at("/nodes/0/data/inputs/value/value").asInt()).isEqualTo(7);
    assertThat(small.field("seed", "value").value()).isNotEqualTo(changed.field("seed", "value").value());
  }

  @Test
  void refusesAValueTheFieldsTypeDoesNotTakeNamingNodeAndField() {
    assertThatThrownBy(() -> small.withFieldValue("seed", "value", "seven"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("node \"integer\" integer#seed, field value: ")
        .hasMessageContaining("expected integer");
    assertThatThrownBy(() -> refine.withFieldValue(FLUX_LOADER, "vae_model", 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("flux_model_loader#" + FLUX_LOADER + ", field vae_model: ");
  }

  @Test
  void refusesUnknownNodesAndFieldsNamingWhatExists() {
    assertThatThrownBy(() -> small.field("ghost", "value"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no node \"ghost\"");
    assertThatThrownBy(() -> small.withFieldValue("seed", "nope", 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("node \"integer\" integer#seed has no input field nope (fields: value)");
    assertThatThrownBy(() -> small.withFieldValue("note", "notes", "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("node \"Read me\" notes#note has no input field notes");
  }
}
