package io.invoke4j.app;

import static io.invoke4j.app.ContractWorkflows.BLANK_BLUR_SAVE;
import static io.invoke4j.app.ContractWorkflows.INTEGER_MATH;
import static io.invoke4j.app.ContractWorkflows.QUOTIENT;
import static io.invoke4j.app.ContractWorkflows.SAVE;
import static io.invoke4j.app.ContractWorkflows.SUM;
import static io.invoke4j.app.ContractWorkflows.intResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.invoke4j.app.usecase.JobUpdate;
import io.invoke4j.app.usecase.OutputMapping;
import io.invoke4j.app.usecase.Submission;
import io.invoke4j.app.usecase.WaitTimeoutException;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.Tier;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link WorkflowHandle} does against any InvokeAI 6.14 behind an {@link InvokeAIClient}:
 * typing inputs from the server's templates, submitting, waiting, failing, canceling and mapping
 * outputs to images, with the model-less workflows of {@link ContractWorkflows}. Extend it with the
 * client under test ({@link InvokeAIClient#inMemory()}, or one of a real server); each test removes
 * the batches, images and boards it made and never clears the queue, so it can run on a server
 * others use.
 */
public abstract class WorkflowHandleContract {
  /** What the test made. */
  protected final ContractCleanup created = new ContractCleanup();

  /** The client under test; the same instance for the whole test. */
  protected abstract InvokeAIClient client();

  /** Called after each test's clean-up: close what the subclass opened. */
  protected void afterContract() {}

  /** How long a test waits for its items (the default suits a CPU server without models). */
  protected Duration timeout() {
    return Duration.ofSeconds(90);
  }

  @AfterEach
  final void removeCreated() {
    try {
      created.removeAll(client());
    } finally {
      afterContract();
    }
  }

  private WorkflowHandle workflow(String name) {
    return client().workflowRepo().createWorkflow(ContractWorkflows.load(name));
  }

  private Submission submit(WorkflowHandle workflow) {
    Submission submission = workflow.submitSync();
    created.batch(submission.batchId());
    return submission;
  }

  private QueueItem run(WorkflowHandle workflow) {
    submit(workflow);
    return workflow.waitForCompletionSync(timeout());
  }

  private static BufferedImage png(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      assertThat(image).as("a readable PNG").isNotNull();
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  public void inputsAreListedInFormOrderAndTypedByTheServersTemplates() {
    WorkflowHandle workflow = workflow(BLANK_BLUR_SAVE);

    assertThat(workflow.listInputs())
        .extracting(WorkflowInput::index, WorkflowInput::fieldName, WorkflowInput::label, WorkflowInput::type)
        .containsExactly(
            tuple(0, "width", "Width", FieldType.INTEGER),
            tuple(1, "height", "Height", FieldType.INTEGER),
            tuple(2, "radius", "Blur radius", FieldType.FLOAT),
            tuple(3, "board", "Output board", FieldType.BOARD));
    assertThat(workflow.getInputValue(2).toJson().asDouble()).isEqualTo(2.0);
    assertThat(workflow.validateInputs()).isEmpty();
  }

  @Test
  public void aSubmissionIsOneItemWithOneSession() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);

    Submission submission = submit(workflow);

    assertThat(submission.itemIds()).hasSize(1);
    assertThat(submission.sessionIds()).hasSize(1).doesNotContain("");
    assertThat(workflow.findLastSubmission()).contains(submission);
    assertThat(client().queue().itemIdsOf(submission.batchId())).isEqualTo(submission.itemIds());
  }

  @Test
  public void theFormsValuesReachTheNodes() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);
    workflow.setInputValue(0, 5);
    workflow.setInputValue(1, 7);
    workflow.setInputValue(2, 4);

    QueueItem done = run(workflow);

    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(intResult(done, SUM)).isEqualTo(12);
    assertThat(intResult(done, QUOTIENT)).isEqualTo(3);
    assertThat(done.itemId()).isEqualTo(workflow.findLastSubmission().orElseThrow().itemIds().get(0));
  }

  @Test
  public void theDefinitionsOwnValuesAreSentWhenNothingIsSet() {
    QueueItem done = run(workflow(INTEGER_MATH));

    assertThat(intResult(done, SUM)).isEqualTo(5);
    assertThat(intResult(done, QUOTIENT)).isEqualTo(5);
  }

  @Test
  public void submitGivesAFutureOfTheFinishedItem() throws Exception {
    WorkflowHandle workflow = workflow(INTEGER_MATH);
    workflow.setInputValue(0, 40);
    List<JobUpdate> updates = new CopyOnWriteArrayList<>();

    QueueItem done = workflow.submit(timeout(), updates::add).get(timeout().toSeconds(), TimeUnit.SECONDS);
    created.batch(done.batchId());

    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(intResult(done, SUM)).isEqualTo(43);
    assertThat(updates).filteredOn(JobUpdate.StatusChange.class::isInstance)
        .extracting(u -> ((JobUpdate.StatusChange) u).status())
        .endsWith(QueueItemStatus.COMPLETED);
  }

  @Test
  public void aFailingNodeFailsTheItemWithThePythonError() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);
    workflow.setInputValue(2, 0);

    QueueItem done = run(workflow);

    assertThat(done.status()).isEqualTo(QueueItemStatus.FAILED);
    assertThat(done.errorType()).contains("ZeroDivisionError");
    assertThat(done.errorMessage()).contains("division by zero");
    assertThat(workflow.mapOutputsToImages(done)).isEmpty();
  }

  @Test
  public void aWorkflowWithoutImageNodesMapsToNoOutputs() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);

    QueueItem done = run(workflow);

    assertThat(workflow.listOutputs()).isEmpty();
    assertThat(workflow.mapOutputsToImages(done)).isEmpty();
  }

  @Test
  public void theSavedImageIsMappedToItsNodeAndDownloads() {
    WorkflowHandle workflow = workflow(BLANK_BLUR_SAVE);
    workflow.setInputValue(0, 40);
    workflow.setInputValue(1, 24);

    QueueItem done = run(workflow);
    List<OutputMapping> outputs = workflow.mapOutputsToImages(done);

    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(outputs).singleElement().satisfies(output -> {
      assertThat(output.nodeId()).isEqualTo(SAVE);
      assertThat(output.nodeType()).isEqualTo("save_image");
      assertThat(output.inputIndex()).contains(3);
      assertThat(output.boardId()).isEmpty();
      assertThat(output.tier()).isEqualTo(Tier.RESULTS);
      assertThat(output.imageNames()).hasSize(1);
    });
    ImageName name = outputs.get(0).imageNames().get(0);
    ImageInfo info = client().images().find(name).orElseThrow();
    assertThat(info.width()).isEqualTo(40);
    assertThat(info.height()).isEqualTo(24);
    assertThat(info.intermediate()).isFalse();
    assertThat(info.sessionId()).isEqualTo(done.sessionId());
    BufferedImage image = png(client().images().download(name));
    assertThat(image.getWidth()).isEqualTo(40);
    assertThat(image.getHeight()).isEqualTo(24);
  }

  @Test
  public void theFinishedItemCarriesItsWorkflowTimesAndIntermediateImages() {
    WorkflowHandle workflow = workflow(BLANK_BLUR_SAVE);

    QueueItem done = run(workflow);

    assertThat(done.workflow()).hasValueSatisfying(json -> assertThat(json.path("name").asText())
        .isEqualTo("contract-blank-blur-save"));
    assertThat(done.startedAt()).isPresent();
    assertThat(done.completedAt()).isPresent();
    assertThat(done.completedAt().orElseThrow()).isAfterOrEqualTo(done.startedAt().orElseThrow());
    assertThat(done.createdAt().orElseThrow()).isBeforeOrEqualTo(done.startedAt().orElseThrow());
    List<ImageName> all = new ArrayList<>();
    OutputMapper.map(done, OutputMapper.Selection.ALL_IMAGE_NODES)
        .forEach(output -> all.addAll(output.imageNames()));
    assertThat(all).hasSize(3);
    assertThat(client().images().list(all))
        .extracting(ImageInfo::intermediate)
        .containsExactlyInAnyOrder(true, true, false);
  }

  @Test
  public void theAutoAddBoardTakesTheOutputOfABoardInputLeftOnAuto() {
    Board board = client().boards().create("invoke4j-contract-" + System.nanoTime());
    created.board(board.id());
    WorkflowHandle workflow = workflow(BLANK_BLUR_SAVE);
    workflow.setAutoAddBoard(board.id().value());

    QueueItem done = run(workflow);
    List<OutputMapping> outputs = workflow.mapOutputsToImages(done);

    assertThat(outputs).singleElement().satisfies(output -> {
      assertThat(output.boardId()).contains(board.id());
      assertThat(output.inputIndex()).contains(3);
    });
    ImageName name = outputs.get(0).imageNames().get(0);
    assertThat(client().images().find(name).flatMap(ImageInfo::boardId)).contains(board.id());
    assertThat(client().boards().imageNames(board.id())).contains(name);
  }

  @Test
  public void cancelStopsAPendingSubmission() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);
    client().queue().pauseProcessor();
    int canceled;
    try {
      submit(workflow);
      canceled = workflow.cancel();
    } finally {
      client().queue().resumeProcessor();
    }

    QueueItem done = workflow.waitForCompletionSync(timeout());

    assertThat(canceled).isEqualTo(1);
    assertThat(done.status()).isEqualTo(QueueItemStatus.CANCELED);
  }

  @Test
  public void waitingTimesOutNamingTheUnfinishedItem() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);
    client().queue().pauseProcessor();
    try {
      Submission submission = submit(workflow);

      assertThatThrownBy(() -> workflow.waitForCompletionSync(Duration.ofMillis(100), Duration.ofMillis(400), u -> { }))
          .isInstanceOfSatisfying(WaitTimeoutException.class, e -> assertThat(e.lastKnownStatus())
              .isEqualTo(Map.of(submission.itemIds().get(0), QueueItemStatus.PENDING)));
    } finally {
      client().queue().resumeProcessor();
    }
  }

  @Test
  public void aWorkflowWithoutModelFieldsNeedsNoModelSync() {
    WorkflowHandle workflow = workflow(BLANK_BLUR_SAVE);

    assertThat(workflow.syncDnnModel(true, true)).isEmpty();
    assertThat(workflow.definition().json()).isEqualTo(ContractWorkflows.load(BLANK_BLUR_SAVE).json());
  }

  @Test
  public void waitingBeforeSubmittingIsRefused() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);

    assertThat(workflow.findLastSubmission()).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> workflow.waitForCompletionSync(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nothing was submitted");
  }
}
