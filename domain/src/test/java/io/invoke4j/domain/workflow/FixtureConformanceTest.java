package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.domain.Fixtures;
import io.invoke4j.domain.field.BoardValue;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.field.ModelValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real workflow loads and yields the inputs the GUI shows. */
class FixtureConformanceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Path> workflows() {
    return Fixtures.workflows().stream();
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void inputsAreTheGuiInputs(Path file) throws IOException {
    WorkflowDefinition wf = WorkflowDefinition.fromFile(file);
    assertThat(identities(wf.inputs())).isEqualTo(guiInputs(MAPPER.readTree(file.toFile())));
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void everyFixtureLoadsWithoutWarnings(Path file) {
    WorkflowDefinition wf = WorkflowDefinition.fromFile(file);
    assertThat(wf.warnings()).isEmpty();
    assertThat(wf.nodes()).isNotEmpty();
  }

  /**
   * Each input's jsonPath leads to its own node's field and holds exactly the value the input reports.
   * This used to strip every "/value" from the path and only ask for an object, so for the many
   * fields named {@code value} (primitive nodes) it looked at {@code data.inputs} and passed whatever
   * the path said.
   */
  @ParameterizedTest
  @MethodSource("workflows")
  void everyJsonPathLeadsToItsFieldAndValue(Path file) {
    WorkflowDefinition wf = WorkflowDefinition.fromFile(file);
    List<String> checked = new ArrayList<>();
    for (WorkflowInput input : wf.inputs()) {
      checkPath(wf, input.jsonPath(), input.nodeId(), input.fieldName(), input.value(), input.toString());
      checked.add(input.fieldName());
    }
    for (WorkflowField field : wf.fields()) {
      checkPath(wf, field.jsonPath(), field.nodeId(), field.name(), field.value(), field.toString());
    }
    assertThat(checked).as("inputs checked").hasSameSizeAs(wf.inputs());
  }

  @Test
  void theConformanceCheckSeesAFieldNamedValue() {
    // sdxl-text-to-image shows two string primitives' "value" fields: a path to the wrong one must fail
    WorkflowDefinition wf = load("workflows/gui-exported/sdxl-text-to-image.json");
    WorkflowInput first = wf.input(1);
    WorkflowInput second = wf.input(2);
    assertThat(first.fieldName()).isEqualTo("value");
    assertThat(second.fieldName()).isEqualTo("value");

    assertThatThrownBy(() -> checkPath(wf, second.jsonPath(), first.nodeId(), first.fieldName(), first.value(), "swapped"))
        .isInstanceOf(AssertionError.class);
  }

  private static void checkPath(WorkflowDefinition wf, String jsonPath, String nodeId, String fieldName,
      Optional<FieldValue> value, String what) {
    List<String> segments = segments(jsonPath);
    assertThat(segments).as(what).hasSizeGreaterThan(5)
        .startsWith("nodes").endsWith("value");
    assertThat(segments.subList(2, 4)).as(what).containsExactly("data", "inputs");
    assertThat(segments.get(4)).as(what).isEqualTo(fieldName);
    JsonNode node = wf.json().at(pointer(segments.subList(0, 2)));
    assertThat(node.path("id").asText()).as(what).isEqualTo(nodeId);
    JsonNode field = wf.json().at(pointer(segments.subList(0, segments.size() - 1)));
    assertThat(field.isObject()).as(what).isTrue();
    JsonNode written = wf.json().at(pointer(segments));
    if (value.isPresent()) {
      assertThat(written).as(what).isEqualTo(value.get().toJson());
    } else {
      assertThat(written.isMissingNode() || written.isNull()).as(what + ": " + written).isTrue();
    }
  }

  /** The segments of a JSONPath as JsonPaths writes them: {@code $.a.b[3]['odd key']}. */
  private static List<String> segments(String jsonPath) {
    assertThat(jsonPath).startsWith("$");
    Matcher m = SEGMENT.matcher(jsonPath);
    List<String> segments = new ArrayList<>();
    int at = 1;
    while (at < jsonPath.length()) {
      assertThat(m.find(at) && m.start() == at).as("segment at %d of %s", at, jsonPath).isTrue();
      segments.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
          : m.group(3).replaceAll("\\\\(.)", "$1"));
      at = m.end();
    }
    return segments;
  }

  private static final Pattern SEGMENT =
      Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[(\\d+)]|\\['((?:[^'\\\\]|\\\\.)*)']");

  private static JsonPointer pointer(List<String> segments) {
    JsonPointer pointer = JsonPointer.empty();
    for (String segment : segments) {
      pointer = segment.matches("\\d+") ? pointer.appendIndex(Integer.parseInt(segment)) : pointer.appendProperty(segment);
    }
    return pointer;
  }

  /** The GUI's rule, written as simply as possible: form pre-order, else exposedFields. */
  private static List<String> guiInputs(JsonNode workflow) {
    List<String> fromForm = new ArrayList<>();
    JsonNode form = workflow.path("form");
    if (form.isObject()) {
      walk(form.path("elements"), form.path("rootElementId").asText(), fromForm);
    }
    List<String> inputs = new ArrayList<>();
    if (!fromForm.isEmpty()) {
      inputs.addAll(fromForm);
    } else {
      workflow.path("exposedFields").forEach(f -> inputs.add(f.get("nodeId").asText() + "/" + f.get("fieldName").asText()));
    }
    return inputs;
  }

  private static void walk(JsonNode elements, String id, List<String> out) {
    JsonNode element = elements.path(id);
    if (element.path("type").asText().equals("node-field")) {
      JsonNode identifier = element.at("/data/fieldIdentifier");
      out.add(identifier.get("nodeId").asText() + "/" + identifier.get("fieldName").asText());
    }
    element.at("/data/children").forEach(child -> walk(elements, child.asText(), out));
  }

  private static List<String> identities(List<WorkflowInput> inputs) {
    List<String> ids = new ArrayList<>();
    inputs.forEach(i -> ids.add(i.nodeId() + "/" + i.fieldName()));
    return ids;
  }

  private static WorkflowDefinition load(String relative) {
    return WorkflowDefinition.fromFile(Fixtures.file(relative));
  }

  @Test
  void sdxlTextToImageHasNineTypedInputs() {
    WorkflowDefinition wf = load("workflows/gui-exported/sdxl-text-to-image.json");
    assertThat(wf.inputs()).hasSize(9);
    assertThat(wf.inputs()).extracting(WorkflowInput::fieldName, i -> i.type().name()).containsExactly(
        tuple("model", "model"),
        tuple("value", "string"),
        tuple("value", "string"),
        tuple("width", "integer"),
        tuple("height", "integer"),
        tuple("steps", "integer"),
        tuple("cfg_scale", "float"),
        tuple("scheduler", "scheduler"),
        tuple("board", "board"));
    assertThat(wf.input(0).value()).get().isInstanceOf(ModelValue.class);
    assertThat(((ModelValue) wf.input(0).value().orElseThrow()).base()).isEqualTo("sdxl");
    assertThat(wf.input(7).value().orElseThrow().toJson().asText()).isEqualTo("dpmpp_3m_k");
  }

  @Test
  void copyImageHasItsImageAndBoardInputs() {
    WorkflowDefinition wf = load("workflows/gui-exported/copy-image.json");
    assertThat(wf.inputs()).extracting(WorkflowInput::label, WorkflowInput::type, WorkflowInput::required)
        .containsExactly(
            tuple("Source Image", FieldType.IMAGE, true),
            tuple("Destination Board", FieldType.BOARD, false));
    assertThat(wf.inputs()).allSatisfy(i -> assertThat(i.value()).isEmpty());
    assertThat(wf.input(0).nodeName()).isEqualTo("Save Image (Copy)");
    assertThat(wf.id()).contains("quick_copy_image_workflow");
  }

  @Test
  void exampleNodesHasNoInputs() {
    assertThat(load("workflows/gui-exported/example-nodes.json").inputs()).isEmpty();
  }

  @Test
  void formWinsOverExposedFieldsInFluxImageToImage() {
    WorkflowDefinition wf = load("workflows/gui-exported/flux-image-to-image.json");
    assertThat(wf.inputs()).hasSize(10);
    assertThat(wf.inputs()).filteredOn(i -> i.fieldName().endsWith("model"))
        .allSatisfy(i -> assertThat(i.type()).isEqualTo(FieldType.MODEL));
  }

  @Test
  void nestedFormOfSdxlFluxRefineIsWalkedInOrder() {
    WorkflowDefinition wf = load("workflows/gui-exported/sdxl-flux-refine.json");
    assertThat(wf.inputs()).hasSize(25);
    assertThat(wf.inputs()).filteredOn(i -> i.fieldName().equals("board"))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.type()).isEqualTo(FieldType.BOARD));
    assertThat(wf.inputs()).filteredOn(i -> i.nodeType().equals("save_image") && i.fieldName().equals("board"))
        .anySatisfy(i -> assertThat(i.value()).get().isInstanceOf(BoardValue.class));
  }

  @Test
  void defaultWorkflowsUseExposedFieldsAndTypeTheirModelsAndSchedulers() {
    WorkflowDefinition sdxl = load("workflows/invokeai-defaults/text-to-image-sdxl.json");
    assertThat(sdxl.inputs()).hasSize(5);
    assertThat(sdxl.inputs()).filteredOn(i -> i.fieldName().equals("model"))
        .singleElement().satisfies(i -> {
          assertThat(i.type()).isEqualTo(FieldType.MODEL);
          assertThat(i.value()).isEmpty();
        });
    WorkflowDefinition sd15 = load("workflows/invokeai-defaults/text-to-image-sd1-5.json");
    assertThat(sd15.inputs()).hasSize(6);
    WorkflowDefinition flux = load("workflows/invokeai-defaults/flux-text-to-image.json");
    assertThat(flux.inputs()).extracting(WorkflowInput::type).contains(FieldType.MODEL);
  }

  @Test
  void primitiveFloatAndIntegerNodesAreTypedFromTheNodeType() {
    WorkflowDefinition wf = load("workflows/gui-exported/sdxl-flux-refine.json");
    assertThat(wf.inputs()).filteredOn(i -> i.nodeType().equals("float") || i.nodeType().equals("float_math"))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.type().name()).isIn("float", "enum"));
    assertThat(wf.inputs()).filteredOn(i -> i.nodeType().equals("integer"))
        .allSatisfy(i -> assertThat(i.type()).isEqualTo(FieldType.INTEGER));
  }

  @Test
  void workflowEmbeddedInACompletedQueueItemLoads() throws IOException {
    JsonNode item = MAPPER.readTree(Fixtures.read("queue-items/completed-sdxl-text-to-image.json"));
    JsonNode embedded = item.get("workflow");
    // the server stores the workflow as a JSON string
    WorkflowDefinition wf = embedded.isTextual()
        ? WorkflowDefinition.fromJson(embedded.asText()) : WorkflowDefinition.fromJsonNode(embedded);
    assertThat(wf.inputs()).hasSize(9);
    assertThat(identities(wf.inputs()))
        .isEqualTo(identities(load("workflows/gui-exported/sdxl-text-to-image.json").inputs()));
  }
}
