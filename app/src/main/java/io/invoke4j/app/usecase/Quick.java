package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ModelGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One-call helpers (the Python client's {@code quick}).
 *
 * <pre>{@code
 * ImageInfo copy = client.quick().copyImageToBoard(ImageName.of("a.png"), board.boardId());
 * List<ImageName> made = client.quick().textToImage("a lighthouse at dusk", Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Methods may throw {@link io.invoke4j.domain.InvokeHttpException},
 * {@link io.invoke4j.domain.InvokeTransportException} or
 * {@link io.invoke4j.domain.InvokeProtocolException}. Thread-safe.
 */
public final class Quick {
  /** The text-to-image workflow shipped in the library's resources, next to this class. */
  static final String TEXT_TO_IMAGE_RESOURCE = "text-to-image-sd1-5.json";

  private final ImageGateway images;
  private final WorkflowRepository workflows;
  private final ModelGateway models;

  /** Helpers over these ports and repository. */
  public Quick(ImageGateway images, WorkflowRepository workflows, ModelGateway models) {
    this.images = requireNonNull(images, "images == null");
    this.workflows = requireNonNull(workflows, "workflows == null");
    this.models = requireNonNull(models, "models == null");
  }

  /**
   * The text-to-image workflow shipped with invoke4j ({@code text-to-image-sd1-5.json} in this
   * package's resources): an SD 1.5 graph in the GUI's export format (main model loader, positive
   * and negative compel prompts, noise, denoise, latents to image, save image) whose form exposes,
   * in this order, the prompt, the negative prompt, width, height, seed and steps. Its model field
   * names no model, only the base {@code sd-1} and type {@code main}, so that {@link
   * WorkflowHandle#syncDnnModel(boolean, boolean) syncDnnModel(false, true)} picks an installed one.
   *
   * @return a new definition, typed offline
   * @throws IllegalStateException when the resource is missing from the class path
   */
  public static WorkflowDefinition textToImageDefinition() {
    try (InputStream in = Quick.class.getResourceAsStream(TEXT_TO_IMAGE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("invoke4j's " + TEXT_TO_IMAGE_RESOURCE + " is not on the class path");
      }
      return WorkflowDefinition.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read invoke4j's " + TEXT_TO_IMAGE_RESOURCE, e);
    }
  }

  /**
   * A handle over {@link #textToImageDefinition()}, typed by the server's templates, with its model
   * field pointed at an installed SD 1.5 main model by {@code syncDnnModel(false, true)} (the first
   * by name). Set its inputs (0 prompt, 1 negative prompt, 2 width, 3 height, 4 seed, 5 steps) and
   * submit it as any other workflow.
   *
   * @throws IllegalStateException when the server has no SD 1.5 main model
   */
  public WorkflowHandle textToImageWorkflow() {
    List<ModelRecord> mains = models.list(Optional.of("sd-1"), Optional.of("main"));
    if (mains.isEmpty()) {
      throw new IllegalStateException("text-to-image needs an SD 1.5 main model (base sd-1, type main); the server "
          + "has none: install one with client.dnnModelRepo().installModel(source)");
    }
    WorkflowHandle handle = workflows.createWorkflow(textToImageDefinition());
    handle.syncDnnModel(false, true);
    return handle;
  }

  /**
   * Text to image in one call: opens {@link #textToImageWorkflow()} (the workflow shipped with
   * invoke4j, its model chosen by {@code syncDnnModel}), sets the positive prompt, runs it and
   * returns the images it made.
   *
   * @throws IllegalStateException when no SD 1.5 main model is installed
   * @throws WaitTimeoutException when {@code timeout} passes first
   * @throws io.invoke4j.domain.InvokeException when the item fails, with the server's error
   */
  public List<ImageName> textToImage(String prompt, Duration timeout) {
    requireNonNull(prompt, "prompt == null");
    requireNonNull(timeout, "timeout == null");
    WorkflowHandle handle = textToImageWorkflow();
    int promptInput = handle.listInputs().stream()
        .filter(i -> i.nodeId().equals("compel:positive") && i.fieldName().equals("prompt"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(TEXT_TO_IMAGE_RESOURCE + " has no prompt input"))
        .index();
    handle.setInputValue(promptInput, prompt);
    handle.submitSync();
    QueueItem done = handle.waitForCompletionSync(timeout);
    if (done.status() != QueueItemStatus.COMPLETED) {
      throw new InvokeException("text-to-image item " + done.itemId().value() + " ended "
          + done.statusText() + done.errorMessage().map(m -> ": " + m).orElse(""));
    }
    return handle.mapOutputsToImages(done).stream().flatMap(m -> m.imageNames().stream()).toList();
  }

  /**
   * Copies an image onto a board: downloads the full PNG (its embedded workflow and metadata
   * included) and uploads it as a new image with the same category. The original stays where it is.
   *
   * @param board the target board ({@link BoardId#NONE}: uncategorized)
   * @return the copy
   * @throws IllegalArgumentException when there is no such image
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown board
   */
  public ImageInfo copyImageToBoard(ImageName image, BoardId board) {
    requireNonNull(image, "image == null");
    requireNonNull(board, "board == null");
    ImageInfo original = images.find(image)
        .orElseThrow(() -> new IllegalArgumentException("no image " + image.value()));
    byte[] png = images.download(image);
    return images.upload(png, image.value(), original.category().orElse(ImageCategory.GENERAL), Optional.of(board),
        false);
  }
}
