package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.domain.field.NodeTemplates;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.workflow.LoadWarning;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowRecord;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server half of the GUI's load ({@code validateWorkflow.ts} with a server) over an InvokeAI in
 * memory, with the recorded 6.14.2 templates: references the server lacks are reset with a warning
 * each, and call_saved_workflow inputs follow the saved workflow.
 */
class WorkflowLoaderTest {
  private static final NodeTemplates TEMPLATES = NodeTemplates.fromOpenApi(new FakeServerGateway().openApiSchema());

  private final MemoryInvokeAI invoke = MemoryInvokeAI.create();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final WorkflowLoader loader = new WorkflowLoader(() -> TEMPLATES, invoke.images(),
      Optional.of(invoke.boards()), new FakeModelGateway(List.of()), Optional.of(invoke.workflows()));

  @AfterEach
  void stop() {
    executor.shutdownNow();
    invoke.close();
  }

  private static String text(String name) {
    try (InputStream in = WorkflowLoaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ImageInfo upload() {
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
      return invoke.images().upload(png.toByteArray(), "kept.png", ImageCategory.USER, Optional.empty(), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WorkflowDefinition references() {
    String kept = upload().name().value();
    return WorkflowDefinition.fromJson(text("load-references.json").replace("IMAGE_KEPT", kept));
  }

  @Test
  void resetsEveryReferenceTheServerLacksWithAWarningNamingNodeAndField() {
    WorkflowDefinition loaded = loader.load(references());

    assertThat(loaded.loadWarnings()).filteredOn(w -> w.kind().name().endsWith("_RESET"))
        .extracting(LoadWarning::kind, w -> w.nodeId().orElseThrow(), w -> w.fieldName().orElseThrow())
        .containsExactly(
            tuple(Kind.IMAGE_RESET, "n_image", "image"),
            tuple(Kind.BOARD_RESET, "n_blur", "board"),
            tuple(Kind.MODEL_RESET, "n_model", "model"),
            tuple(Kind.IMAGE_RESET, "n_coll", "images"));
    assertThat(loaded.field("n_image", "image").value()).isEmpty();
    assertThat(loaded.field("n_blur", "board").value()).isEmpty();
    assertThat(loaded.field("n_model", "model").value()).isEmpty();
    assertThat(loaded.loadWarnings()).filteredOn(w -> w.kind() == Kind.IMAGE_RESET).first()
        .satisfies(w -> assertThat(w.message()).isEqualTo(
            "node n_image (image), field image: image IMAGE_GONE is not accessible on the server; value reset"));
  }

  @Test
  void keepsTheAccessibleImagesOfACollection() {
    WorkflowDefinition definition = references();
    String kept = definition.node("n_coll").orElseThrow().json().at("/data/inputs/images/value/0/image_name").asText();

    JsonNode images = loader.load(definition).node("n_coll").orElseThrow().json().at("/data/inputs/images/value");

    assertThat(images).hasSize(1);
    assertThat(images.get(0).path("image_name").asText()).isEqualTo(kept);
  }

  @Test
  void keepsReferencesTheServerHasAndChangesNothingThen() {
    String board = invoke.boards().create("kept").id().value();
    String image = upload().name().value();
    String json = text("load-references.json").replace("IMAGE_KEPT", image).replace("IMAGE_GONE", image)
        .replace("BOARD_GONE", board);
    WorkflowLoader withModel = new WorkflowLoader(() -> TEMPLATES, invoke.images(), Optional.of(invoke.boards()),
        new FakeModelGateway(List.of(FakeModelGateway.model("MODEL_GONE", "blake3:00", "gone model", "sd-1",
            "main"))), Optional.of(invoke.workflows()));

    WorkflowDefinition loaded = withModel.load(WorkflowDefinition.fromJson(json));

    assertThat(loaded.loadWarnings()).extracting(LoadWarning::kind).containsOnly(Kind.SCHEMA_MIGRATED);
    assertThat(loaded.field("n_blur", "board").value()).isPresent();
  }

  @Test
  void aResetRequiredImageIsReportedAndNothingIsEnqueued() {
    WorkflowRepository repo = new WorkflowRepository(invoke.queue(), invoke.images(), new FakeModelGateway(List.of()),
        new FakeServerGateway(), invoke.events(), invoke.workflows(), invoke.boards(), executor);

    WorkflowHandle handle = repo.loadWorkflow(references());

    assertThat(handle.loadWarnings()).extracting(LoadWarning::kind).contains(Kind.IMAGE_RESET, Kind.BOARD_RESET,
        Kind.MODEL_RESET);
    assertThat(handle.validateInputs()).extracting(InputProblem::nodeId, InputProblem::fieldName)
        .contains(tuple("n_image", "image"), tuple("n_model", "model"));
    assertThatThrownBy(handle::submitSync).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("n_image");
    assertThat(invoke.queue().listAll()).isEmpty();
  }

  @Test
  void refreshesCallSavedWorkflowInputsFromTheSavedWorkflow() throws IOException {
    WorkflowRecord saved = invoke.workflows().create(new ObjectMapper().readTree(text("load-called.json")));
    WorkflowDefinition caller = WorkflowDefinition.fromJson(
        text("load-caller.json").replace("SAVED_ID", saved.id().value()));

    WorkflowDefinition loaded = loader.load(caller);

    JsonNode inputs = loaded.node("n_call").orElseThrow().json().at("/data/inputs");
    assertThat(inputs.has("saved_workflow_input::old::value")).isFalse();
    assertThat(inputs.at("/saved_workflow_input::s_add::a/value").asInt()).isEqualTo(5);
    assertThat(loaded.edges()).isEmpty();
    assertThat(loaded.loadWarnings()).extracting(LoadWarning::kind)
        .containsSubsequence(Kind.DYNAMIC_INPUTS_REFRESHED, Kind.EDGE_REMOVED);
    assertThat(loaded.loadWarnings()).filteredOn(w -> w.kind() == Kind.DYNAMIC_INPUTS_REFRESHED).singleElement()
        .satisfies(w -> assertThat(w.message()).endsWith(
            ": removed saved_workflow_input::old::value, added saved_workflow_input::s_add::a"));
  }

  @Test
  void resetsAVideoTheServerLacks() {
    WorkflowLoader withVideos = new WorkflowLoader(() -> TEMPLATES, invoke.images(), Optional.of(invoke.boards()),
        new FakeModelGateway(List.of()), Optional.of(invoke.workflows()), Optional.of(invoke.videos()));
    WorkflowDefinition video = WorkflowDefinition.fromJson("""
        {"name": "video", "meta": {"version": "4.0.0", "category": "user"}, "exposedFields": [], "edges": [],
         "nodes": [{"id": "n_video", "type": "invocation", "position": {"x": 0, "y": 0},
                    "data": {"id": "n_video", "type": "video", "version": "1.0.0", "label": "", "notes": "",
                             "isOpen": true, "isIntermediate": true, "useCache": true, "nodePack": "invokeai",
                             "inputs": {"video": {"name": "video", "label": "", "description": "",
                                                  "value": {"video_name": "gone.mp4"}}}}}]}""");

    WorkflowDefinition loaded = withVideos.load(video);

    assertThat(loaded.loadWarnings()).filteredOn(w -> w.kind() == Kind.VIDEO_RESET)
        .extracting(w -> w.nodeId().orElseThrow(), w -> w.fieldName().orElseThrow())
        .containsExactly(tuple("n_video", "video"));
    assertThat(loaded.field("n_video", "video").value()).isEmpty();
  }

  @Test
  void reportsASavedWorkflowThatCannotBeRetrievedAndLeavesTheNodeAlone() {
    WorkflowDefinition caller = WorkflowDefinition.fromJson(text("load-caller.json"));

    WorkflowDefinition loaded = loader.load(caller);

    assertThat(loaded.loadWarnings()).filteredOn(w -> w.kind() == Kind.SAVED_WORKFLOW_UNAVAILABLE)
        .extracting(w -> w.nodeId().orElseThrow()).containsExactly("n_call");
    assertThat(loaded.node("n_call").orElseThrow().json().at("/data/inputs").has("saved_workflow_input::old::value"))
        .isTrue();
    assertThat(loaded.edges()).hasSize(1);
  }
}
