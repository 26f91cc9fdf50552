package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.GraphBuilder;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import org.junit.jupiter.api.Test;

/**
 * The cases of the GUI's {@code util/workflow/validateWorkflow.test.ts} that need no server, on
 * workflows of our own loaded with the 6.14.2 templates. (The image, board, model and
 * call_saved_workflow cases need one: {@code WorkflowLoaderTest} in app.) The GUI's base workflow
 * there is a main_model_loader and an img_resize; ours is the same.
 */
class GuiParityValidateWorkflowTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static GuiWorkflow base() {
    return new GuiWorkflow().node("loader", "main_model_loader").node("resize", "img_resize");
  }

  private static ArrayNode images(String... names) {
    ArrayNode list = F.arrayNode();
    for (String name : names) {
      list.addObject().put("image_name", name);
    }
    return list;
  }

  /** An image_collection node as saved before 1.0.2: its images in the collection input. */
  private static GuiWorkflow legacyImageCollection(GuiWorkflow wf, String id, ArrayNode images) {
    wf.node(id, "image_collection", "1.0.1");
    ObjectNode inputs = (ObjectNode) wf.data(id).get("inputs");
    inputs.removeAll();
    inputs.putObject("collection").put("name", "collection").put("label", "").put("description", "")
        .set("value", images);
    return wf;
  }

  private static JsonNode input(WorkflowDefinition wf, String node, String field) {
    return wf.node(node).orElseThrow().json().path("data").path("inputs").path(field);
  }

  @Test
  void deletesMalformedConnectorEdgesWithInvalidHandles() {
    WorkflowDefinition wf = base().connector("connector-1").edge("loader", "vae", "connector-1", "wrong").load();

    assertThat(wf.edges()).isEmpty();
    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).containsExactly(Kind.EDGE_REMOVED);
  }

  @Test
  void deletesConnectorEdgesWithMissingEndpoints() {
    WorkflowDefinition wf = base().connector("connector-1").edge("missing-node", "value", "connector-1", "in")
        .load();

    assertThat(wf.edges()).isEmpty();
    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).containsExactly(Kind.EDGE_REMOVED);
  }

  @Test
  void repairsInvalidMultiInputConnectorStateByKeepingTheFirstValidInputEdge() {
    WorkflowDefinition wf = base().node("second-loader", "main_model_loader").connector("connector-1")
        .edge("loader", "vae", "connector-1", "in").edge("second-loader", "vae", "connector-1", "in").load();

    assertThat(wf.edges()).extracting(WorkflowEdge::source).containsExactly("loader");
    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).containsExactly(Kind.EDGE_REMOVED);
  }

  @Test
  void retainsIsolatedConnectors() {
    WorkflowDefinition wf = base().connector("connector-1").load();

    assertThat(wf.node("connector-1")).isPresent();
    assertThat(wf.loadWarnings()).isEmpty();
  }

  @Test
  void retainsUnresolvedConnectorOutputEdgesThatEstablishDownstreamConstraints() {
    WorkflowDefinition wf = base().connector("connector-1").edge("connector-1", "out", "resize", "image").load();

    assertThat(wf.edges()).extracting(WorkflowEdge::source, WorkflowEdge::target)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("connector-1", "resize"));
    assertThat(wf.loadWarnings()).isEmpty();
  }

  @Test
  void migratesImageCollectionDirectValuesWhenItsOldCollectionEdgeIsInvalid() {
    GuiWorkflow file = legacyImageCollection(base(), "image-collection", images("legacy.png"))
        .edge("missing-node", "collection", "image-collection", "collection");

    WorkflowDefinition wf = file.load();

    assertThat(wf.edges()).isEmpty();
    assertThat(input(wf, "image-collection", "images").path("value")).isEqualTo(images("legacy.png"));
    assertThat(input(wf, "image-collection", "collection").path("value")).isEqualTo(F.arrayNode());
  }

  @Test
  void preservesImageCollectionCollectionValuesWhenItsOldCollectionEdgeIsValid() {
    GuiWorkflow file = legacyImageCollection(base(), "source-collection", images());
    legacyImageCollection(file, "target-collection", images("shadowed.png"))
        .edge("source-collection", "collection", "target-collection", "collection");

    WorkflowDefinition wf = file.load();

    assertThat(wf.edges()).hasSize(1);
    assertThat(input(wf, "target-collection", "images").has("value")).isFalse();
    assertThat(input(wf, "target-collection", "collection").path("value")).isEqualTo(images("shadowed.png"));
  }

  @Test
  void remapsImageCollectionFormAndExposedCollectionFieldsToImages() {
    GuiWorkflow file = legacyImageCollection(base(), "image-collection", images("legacy.png"))
        .exposed("image-collection", "collection").formField("image-collection", "collection");

    WorkflowDefinition wf = file.load();

    assertThat(wf.json().at("/exposedFields/0/fieldName").asText()).isEqualTo("images");
    assertThat(wf.json().at("/form/elements/node-field-1/data/fieldIdentifier/fieldName").asText())
        .isEqualTo("images");
    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).contains(Kind.FIELD_RENAMED);
  }

  @Test
  void doesNotWarnAboutUndeclaredExtrasOnCoreMetadataAndPreservesThem() {
    GuiWorkflow file = new GuiWorkflow().node("core_metadata-1", "core_metadata");
    ((ObjectNode) file.data("core_metadata-1").get("inputs")).removeAll();
    file.value("core_metadata-1", "generation_mode", F.textNode("z_image_txt2img"))
        .value("core_metadata-1", "z_image_seed_variance_enabled", F.booleanNode(false));

    WorkflowDefinition wf = file.load();

    assertThat(wf.loadWarnings()).isEmpty();
    assertThat(input(wf, "core_metadata-1", "z_image_seed_variance_enabled").path("value").asBoolean(true))
        .isFalse();
  }

  @Test
  void stillWarnsAboutUndeclaredInputsOnNodesThatDoNotAcceptExtras() {
    WorkflowDefinition wf = base().value("loader", "bogus_extra", F.textNode("should-warn")).load();

    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).containsExactly(Kind.MISSING_FIELD_TEMPLATE);
  }
  @Test
  void refusesToLoadAWorkflowWithDuplicateWorkflowReturnNodes() {
    GuiWorkflow file = base().node("return-1", "workflow_return").node("return-2", "workflow_return");

    assertThatThrownBy(file::load).isInstanceOf(WorkflowFormatException.class)
        .hasMessageContaining("$.nodes[3].data.type")
        .hasMessageContaining("more than one workflow_return node (another at $.nodes[2])");
    // offline too: the refusal is the GUI's workflow schema, not a template rule
    assertThatThrownBy(() -> WorkflowDefinition.fromJsonNode(file.json()))
        .isInstanceOf(WorkflowFormatException.class).hasMessageContaining("workflow_return");
  }

  /**
   * The GUI's {@code buildWorkflowWithValidation} gives no workflow for such a state (an editor can
   * add a second node after loading); no {@link WorkflowDefinition} can hold two, so building from
   * the file refuses it before any graph or request exists.
   */
  @Test
  void refusesToBuildAWorkflowWithDuplicateWorkflowReturnNodes() {
    ObjectNode file = base().node("return-1", "workflow_return").node("return-2", "workflow_return").json();

    assertThatThrownBy(() -> GraphBuilder.build(file)).isInstanceOf(WorkflowFormatException.class)
        .hasMessageContaining("workflow_return");
    assertThatThrownBy(() -> EnqueueRequest.forWorkflow(file)).isInstanceOf(WorkflowFormatException.class)
        .hasMessageContaining("workflow_return");
  }

  @Test
  void loadsAWorkflowWithOneWorkflowReturnNode() {
    WorkflowDefinition wf = base().node("return-1", "workflow_return").load();

    assertThat(wf.node("return-1")).isPresent();
  }
}
