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
import io.invoke4j.domain.workflow.WorkflowInput;
import io.invoke4j.domain.workflow.WorkflowRecord;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ModelGateway;
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
  /** The server's default text-to-image workflows, by the base of the main model they run. */
  private static final List<String[]> TEXT_TO_IMAGE = List.of(
      new String[] {"sdxl", "Text to Image - SDXL"},
      new String[] {"sd-1", "Text to Image - SD1.5"});

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
   * Text to image in one call: picks an installed main model (SDXL first, then SD 1.5), opens the
   * server's own default workflow for it ("Text to Image - SDXL" / "Text to Image - SD1.5", shipped
   * with InvokeAI rather than with invoke4j, so it always matches the server's nodes), points its
   * model fields at installed models with {@code syncDnnModel(false, true)}, sets the positive
   * prompt (its first text input), runs it and returns the images it made.
   *
   * @throws IllegalStateException when no SDXL or SD 1.5 main model is installed, or the server
   *     lacks the default workflow
   * @throws UnresolvedModelException when another model field (e.g. a VAE) finds no installed model
   * @throws WaitTimeoutException when {@code timeout} passes first
   * @throws io.invoke4j.domain.InvokeException when the item fails, with the server's error
   */
  public List<ImageName> textToImage(String prompt, Duration timeout) {
    requireNonNull(prompt, "prompt == null");
    requireNonNull(timeout, "timeout == null");
    List<ModelRecord> mains = models.list(Optional.empty(), Optional.of("main"));
    String[] choice = TEXT_TO_IMAGE.stream()
        .filter(c -> mains.stream().anyMatch(m -> m.base().equals(c[0])))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("text-to-image needs an SDXL or SD 1.5 main model; the server has "
            + mains.size() + " main model(s) of other bases"));
    WorkflowRecord record = workflows.listWorkflows(List.of("default")).stream()
        .filter(r -> r.name().equals(choice[1]))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the server has no default workflow \"" + choice[1] + "\""));
    WorkflowHandle handle = workflows.createWorkflowFromLibrary(record.id());
    handle.syncDnnModel(false, true);
    WorkflowInput promptInput = handle.listInputs().stream()
        .filter(i -> i.fieldName().equals("prompt") || i.nodeType().equals("string") && i.fieldName().equals("value"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("\"" + choice[1] + "\" has no prompt input"));
    handle.setInputValue(promptInput.index(), prompt);
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
