package io.invoke4j.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.InputProblem;
import io.invoke4j.app.usecase.Submission;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.LoadWarning;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The GUI's load path on the real server at {@code INVOKEAI_URL} (issue 11): a workflow that is not
 * pristine is loaded, sent and run with the results the GUI would get, and a workflow naming an
 * image, board and model the server does not have gets the GUI's warnings and resets, with the
 * missing required image reported before anything is sent. Each test deletes what it created.
 */
class GuiLoadIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("invoke4j.e2e.timeout", 300));

  private final InvokeAIClient client = InvokeAIClient.fromUrl(url());
  private final List<QueueItemId> items = new ArrayList<>();
  private final List<ImageName> images = new ArrayList<>();

  private static String url() {
    String url = System.getenv("INVOKEAI_URL");
    if (url == null || url.isBlank()) {
      throw new AssertionError("INVOKEAI_URL is not set: the load ITs need a real InvokeAI server");
    }
    return url.strip();
  }

  @AfterEach
  void cleanUp() {
    try {
      for (QueueItemId id : items) {
        try {
          client.queue().find(id).ifPresent(item -> {
            if (!item.isTerminal()) {
              client.queue().cancel(id);
            }
            client.queue().find(id).ifPresent(done -> images.addAll(imagesOf(done)));
          });
          client.queue().delete(id);
        } catch (InvokeException e) {
          System.err.println("cleanup: queue item " + id.value() + ": " + e.getMessage());
        }
      }
      if (!images.isEmpty()) {
        client.images().delete(List.copyOf(images));
      }
    } finally {
      client.close();
    }
  }

  private static String text(String name) {
    try (InputStream in = GuiLoadIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String uniqueName(String what) {
    return "invoke4j-e2e-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<ImageName> imagesOf(QueueItem item) {
    List<ImageName> names = new ArrayList<>();
    for (JsonNode result : item.results().values()) {
      result.findValues("image_name").stream().filter(JsonNode::isTextual)
          .forEach(name -> names.add(ImageName.of(name.asText())));
    }
    return names;
  }

  @Test
  void aWorkflowThatIsNotPristineRunsAsTheGuiRunsIt() throws IOException {
    WorkflowDefinition file = WorkflowDefinition.fromJson(text("gui-load-run.json").replace("NAME",
        uniqueName("gui-load-run")));

    WorkflowHandle wf = client.workflowRepo().loadWorkflow(file);

    assertThat(wf.loadWarnings()).filteredOn(w -> w.kind() != Kind.SCHEMA_MIGRATED)
        .extracting(LoadWarning::kind, w -> w.nodeId().orElse(""), w -> w.fieldName().orElse(""))
        .containsExactlyInAnyOrder(
            tuple(Kind.VALUE_DROPPED, "n_save", "metadata"),
            tuple(Kind.EDGE_REMOVED, "n_blur", "image"),
            tuple(Kind.EDGE_REMOVED, "n_w", "value"),
            tuple(Kind.NODE_UPDATED, "n_w", ""));
    assertThat(wf.definition().node("n_w").orElseThrow().json().at("/data/version").asText()).isEqualTo("1.0.1");
    assertThat(wf.validateInputs()).isEmpty();
    JsonNode nodes = wf.preview().graph().nodes();
    assertThat(nodes.path("n_save").has("metadata")).isFalse();

    Submission submission = wf.submitSync();
    items.addAll(submission.itemIds());
    QueueItem done = wf.waitForCompletionSync(TIMEOUT);

    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    ImageName saved = ImageName.of(done.results().values().stream()
        .filter(r -> r.path("type").asText().equals("image_output"))
        .reduce((first, last) -> last).orElseThrow().at("/image/image_name").asText());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(client.images().download(saved)));
    // the connector carried 64 to the width; the blur keeps the size
    assertThat(image.getWidth()).isEqualTo(64);
    assertThat(image.getHeight()).isEqualTo(48);
  }

  @Test
  void deletedReferencesAreResetWithTheGuisWarningsAndNothingIsSent() throws IOException {
    // an image and a board that existed and were deleted; a model this model-less server never had
    ImageInfo image = client.images().upload(png(), uniqueName("gone") + ".png", ImageCategory.USER,
        Optional.empty(), false);
    assertThat(client.images().delete(image.name())).isTrue();
    Board board = client.boards().create(uniqueName("gone"));
    client.boards().delete(board.id(), true);
    assertThat(client.boards().find(board.id())).isEmpty();
    String model = UUID.randomUUID().toString();
    String name = uniqueName("gui-load-references");
    WorkflowDefinition file = WorkflowDefinition.fromJson(text("gui-load-references.json").replace("NAME", name)
        .replace("IMAGE_GONE", image.name().value()).replace("BOARD_GONE", board.id().value())
        .replace("MODEL_GONE", model));

    WorkflowHandle wf = client.workflowRepo().loadWorkflow(file);

    assertThat(wf.loadWarnings())
        .extracting(LoadWarning::kind, w -> w.nodeId().orElseThrow(), w -> w.fieldName().orElseThrow())
        .containsSubsequence(
            tuple(Kind.IMAGE_RESET, "n_image", "image"),
            tuple(Kind.BOARD_RESET, "n_blur", "board"),
            tuple(Kind.MODEL_RESET, "n_model", "model"));
    assertThat(wf.loadWarnings()).filteredOn(w -> w.kind() == Kind.IMAGE_RESET).singleElement()
        .satisfies(w -> assertThat(w.message()).contains(image.name().value()));
    assertThat(wf.definition().field("n_image", "image").value()).isEmpty();
    assertThat(wf.definition().field("n_blur", "board").value()).isEmpty();
    assertThat(wf.definition().field("n_model", "model").value()).isEmpty();
    assertThat(wf.validateInputs()).extracting(InputProblem::nodeId, InputProblem::fieldName)
        .contains(tuple("n_image", "image"));

    Set<BatchId> before = batches();
    assertThatThrownBy(wf::submitSync).isInstanceOf(IllegalStateException.class).hasMessageContaining("n_image");
    // nothing of ours reached the queue: no new batch carries this workflow (others may share the server)
    for (BatchId batch : newBatches(before)) {
      for (QueueItemId id : client.queue().itemIdsOf(batch)) {
        client.queue().find(id).flatMap(QueueItem::workflow)
            .ifPresent(w -> assertThat(w.path("name").asText()).isNotEqualTo(name));
      }
    }
    assertThat(wf.findLastSubmission()).isEmpty();
  }

  private Set<BatchId> batches() {
    Set<BatchId> batches = new HashSet<>();
    client.queue().listAll().forEach(item -> batches.add(item.batchId()));
    return batches;
  }

  private Set<BatchId> newBatches(Set<BatchId> before) {
    Set<BatchId> after = batches();
    after.removeAll(before);
    return after;
  }

  private static byte[] png() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
