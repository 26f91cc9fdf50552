package io.invoke4j.app.usecase;

import static io.invoke4j.app.usecase.Workflows.BLANK;
import static io.invoke4j.app.usecase.Workflows.BLANK_BLUR_NODE;
import static io.invoke4j.app.usecase.Workflows.BLANK_SAVE_NODE;
import static io.invoke4j.app.usecase.Workflows.BLUR;
import static io.invoke4j.app.usecase.Workflows.BLUR_IMAGE_NODE;
import static io.invoke4j.app.usecase.Workflows.BLUR_SAVE_NODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.EnqueueProblem;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.field.IntegerValue;
import io.invoke4j.domain.field.ModelValue;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.Tier;
import io.invoke4j.domain.workflow.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowHandleTest {
  /** Long enough that a test passing with it cannot have polled. */
  private static final Duration NEVER = Duration.ofMinutes(10);
  private static final Duration SOON = Duration.ofSeconds(5);
  private static final QueueItemId FIRST = QueueItemId.of(1);

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final FakeEventStream events = new FakeEventStream(true);
  private final FakeQueueGateway queue = new FakeQueueGateway(events);
  private final FakeImageGateway images = new FakeImageGateway();
  private final FakeServerGateway server = new FakeServerGateway();
  private final WorkflowRepository repo =
      new WorkflowRepository(queue, images, FakeModelGateway.recorded(), server, events, executor);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Runs {@code steps} on another thread once a waiter subscribed, as the server would. */
  private CompletableFuture<Void> serverOnceWaiting(Runnable steps) {
    return CompletableFuture.runAsync(() -> {
      try {
        events.awaitSubscriber();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      steps.run();
    });
  }

  @Test
  void submitsAndWaitsForCompletionFromEvents() throws Exception {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));
    wf.setInputValue(0, 96);

    Submission submission = wf.submitSync();
    CompletableFuture<Void> server = serverOnceWaiting(() -> {
      queue.start(FIRST);
      queue.progress(FIRST, "den", 0.5);
      queue.complete(FIRST, BLANK_SAVE_NODE, "out-1.png", true);
    });
    List<JobUpdate> updates = new CopyOnWriteArrayList<>();
    int listsBefore = queue.listCalls();
    QueueItem done = wf.waitForCompletionSync(NEVER, SOON, updates::add);
    server.get(5, TimeUnit.SECONDS);

    assertThat(submission.itemIds()).containsExactly(FIRST);
    assertThat(submission.sessionIds()).containsExactly("session-1");
    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(updates).containsExactly(
        new JobUpdate.StatusChange(FIRST, QueueItemStatus.PENDING, "pending", Optional.empty()),
        new JobUpdate.StatusChange(FIRST, QueueItemStatus.IN_PROGRESS, "in_progress", Optional.empty()),
        new JobUpdate.Progress(FIRST, "den", "denoise_latents", "Denoising", Optional.of(0.5)),
        new JobUpdate.StatusChange(FIRST, QueueItemStatus.COMPLETED, "completed", Optional.empty()));
    assertThat(queue.listCalls() - listsBefore).as("only the read when waiting starts: no polling").isEqualTo(1);
    assertThat(queue.enqueued().get(0).graph().toJson().path("nodes").path("c3e4a892-d919-4ada-8fcf-a583e1df8af9")
        .path("width").asInt()).isEqualTo(96);
  }

  @Test
  void mapsOutputNodesToImagesWithTheirBoardInput() throws Exception {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));
    wf.submitSync();
    queue.complete(FIRST, BLANK_SAVE_NODE, "out-1.png", true);

    List<OutputMapping> outputs = wf.mapOutputsToImages(wf.waitForCompletionSync(SOON));

    assertThat(outputs).containsExactly(new OutputMapping(BLANK_SAVE_NODE, "save_image", Optional.of(6),
        Optional.empty(), Tier.RESULTS, List.of(ImageName.of("out-1.png"))));
    assertThat(wf.listOutputs()).containsExactly(new WorkflowOutput(BLANK_SAVE_NODE, "save_image", "Save", Optional.of(6)));
  }

  @Test
  void waitsByPollingWhileTheStreamIsDisconnected() throws Exception {
    FakeEventStream down = new FakeEventStream(false);
    FakeQueueGateway polled = new FakeQueueGateway(down);
    WorkflowHandle wf = new WorkflowRepository(polled, images, FakeModelGateway.recorded(), server, down, executor)
        .createWorkflow(Workflows.load(BLANK));
    wf.submitSync();
    CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
      try {
        down.awaitSubscriber();
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      polled.complete(FIRST, BLANK_SAVE_NODE, "out-1.png", true);
    });

    QueueItem done = wf.waitForCompletionSync(Duration.ofMillis(20), SOON, update -> { });
    server.get(5, TimeUnit.SECONDS);

    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
  }

  @Test
  void findsACompletionThatHappenedDuringADisconnectOnReconnect() throws Exception {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));
    wf.submitSync();
    CompletableFuture<Void> server = serverOnceWaiting(() -> {
      events.drop();
      queue.complete(FIRST, BLANK_SAVE_NODE, "out-1.png", true); // the event is lost
      events.reconnect();
    });

    QueueItem done = wf.waitForCompletionSync(NEVER, SOON, update -> { });
    server.get(5, TimeUnit.SECONDS);

    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(done.results()).containsKey(BLANK_SAVE_NODE + "-p");
  }

  @Test
  void timeoutNamesTheItemAndItsLastKnownStatus() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));
    wf.submitSync();
    queue.start(FIRST);

    assertThatThrownBy(() -> wf.waitForCompletionSync(Duration.ofMillis(10), Duration.ofMillis(100), u -> { }))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          assertThat(e).hasMessage("queue item 1 did not finish within PT0.1S; last known status: in_progress");
          assertThat(e.lastKnownStatus()).isEqualTo(Map.of(FIRST, QueueItemStatus.IN_PROGRESS));
        });
  }

  @Test
  void submitCompletesItsFutureFromEvents() throws Exception {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));

    CompletableFuture<QueueItem> future = wf.submit();
    serverOnceWaiting(() -> queue.complete(FIRST, BLANK_SAVE_NODE, "out-1.png", true));

    assertThat(future.get(5, TimeUnit.SECONDS).status()).isEqualTo(QueueItemStatus.COMPLETED);
  }

  @Test
  void sweepOfThreeValuesIsOneEnqueueWithThreeItems() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));

    SweepHandle sweep = wf.submitSweep(wf.sweep(0, 64, 128, 256));
    List<QueueItemId> ids = sweep.itemIds();
    serverOnceWaiting(() -> ids.forEach(id -> queue.complete(id, BLANK_SAVE_NODE, "out-" + id.value() + ".png", true)));
    List<QueueItem> done = sweep.waitForAllSync(SOON);

    assertThat(queue.enqueued()).hasSize(1);
    assertThat(queue.enqueued().get(0).expectedSessions()).isEqualTo(3);
    assertThat(ids).containsExactly(QueueItemId.of(1), QueueItemId.of(2), QueueItemId.of(3));
    assertThat(done).extracting(QueueItem::status).containsOnly(QueueItemStatus.COMPLETED);
    assertThat(sweep.progress()).isEqualTo(new SweepProgress(3, 3, 0, 0));
    assertThat(sweep.outputs(done.get(2)).get(0).imageNames()).containsExactly(ImageName.of("out-3.png"));
    assertThat(sweep.completion(QueueItemId.of(2))).isCompleted();
  }

  @Test
  void cancelCancelsTheUnfinishedItemsOfTheSweep() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));
    SweepHandle sweep = wf.submitSweep(wf.sweep(0, 64, 128));
    queue.complete(FIRST, BLANK_SAVE_NODE, "out-1.png", true);

    assertThat(sweep.cancel()).isEqualTo(1);
    assertThat(sweep.waitForAllSync(SOON)).extracting(QueueItem::status)
        .containsExactly(QueueItemStatus.COMPLETED, QueueItemStatus.CANCELED);
  }

  @Test
  void rejectedEnqueueNamesTheFormInputOfEachProblem() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));
    queue.rejectNext(new EnqueueRejectedException("POST", "/api/v1/queue/default/enqueue_batch", "{}", List.of(
        EnqueueProblem.builder().loc(List.of("body", "batch", "graph", "nodes", BLANK_BLUR_NODE, "radius"))
            .type("float_parsing").message("Input should be a valid number").nodeId(BLANK_BLUR_NODE)
            .field("radius").build())));

    assertThatThrownBy(wf::submitSync).isInstanceOfSatisfying(EnqueueRejectedException.class, e -> {
      assertThat(e.problems()).singleElement().satisfies(p -> {
        assertThat(p.inputIndex()).contains(3);
        assertThat(p.inputLabel()).contains("Blur radius");
      });
      assertThat(e).hasMessageContaining("input 3 \"Blur radius\"");
    });
  }

  @Test
  void uploadsALocalImageAtSubmitAndDeletesItAfterTheRun(@TempDir Path dir) throws Exception {
    Path png = Files.write(dir.resolve("cat.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLUR));
    wf.setInputValue(0, png);
    wf.setDeleteUploadsAfterRun(true);

    Submission submission = wf.submitSync();
    ImageName uploaded = ImageName.of("upload-1.png");
    assertThat(images.stored()).containsKey(uploaded);
    assertThat(submission.uploadedImages()).containsExactly(uploaded);
    assertThat(queue.enqueued().get(0).graph().toJson().path("nodes").path(BLUR_IMAGE_NODE).path("image")
        .path("image_name").asText()).isEqualTo("upload-1.png");
    assertThat(images.deleted()).isEmpty();

    queue.complete(FIRST, BLUR_SAVE_NODE, "out-1.png", true);
    wf.waitForCompletionSync(SOON);

    assertThat(images.deleted()).containsExactly(uploaded);
  }

  @Test
  void keepsUploadsUnlessAskedToDelete(@TempDir Path dir) throws Exception {
    Path png = Files.write(dir.resolve("cat.png"), new byte[] {1, 2, 3});
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLUR));
    wf.setInputValue(0, png);

    assertThat(wf.submitSync().uploadedImages()).isEmpty();
    queue.complete(FIRST, BLUR_SAVE_NODE, "out-1.png", true);
    wf.waitForCompletionSync(SOON);

    assertThat(images.deleted()).isEmpty();
    assertThat(images.stored()).containsKey(ImageName.of("upload-1.png"));
  }

  @Test
  void refusesToSubmitWithARequiredInputEmpty() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLUR));

    assertThat(wf.validateInputs()).extracting(InputProblem::describe).containsExactly(
        "input 0 \"Source image\" (node \"Source image\" #" + BLUR_IMAGE_NODE
            + ", field image): required, but has no value and no connection");
    assertThatThrownBy(wf::submitSync).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("input 0 \"Source image\"");
    assertThat(queue.enqueued()).isEmpty();
  }

  @Test
  void validatesValuesAgainstTheServersSchemaReadOnce() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));
    assertThat(wf.validateInputs()).isEmpty();

    wf.setInputValue(3, -2.5);

    assertThat(wf.validateInputs()).singleElement().satisfies(problem -> {
      assertThat(problem.inputIndex()).contains(3);
      assertThat(problem.label()).isEqualTo("Blur radius");
      assertThat(problem.describe()).startsWith("input 3 \"Blur radius\" (node \"Blur\" #" + BLANK_BLUR_NODE);
    });
    assertThatThrownBy(wf::submitSync).isInstanceOf(IllegalStateException.class).hasMessageContaining("input 3");
    assertThat(server.schemaReads()).isEqualTo(1);
  }

  @Test
  void emptyInputValueIsAnErrorNamingTheInput() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLUR));

    assertThatThrownBy(() -> wf.getInputValue(0)).isInstanceOf(IllegalStateException.class)
        .hasMessage("input 0 \"Source image\" (node \"Source image\" #" + BLUR_IMAGE_NODE + ", field image)"
            + " has no value");
    assertThat(wf.getInput(0).value()).isEmpty();
  }

  @Test
  void setsValuesTypeChecked() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));

    wf.setInputValue(0, 96);
    wf.setInputValue(1, new IntegerValue(48));

    assertThat(wf.getInputValue(0)).isEqualTo(new IntegerValue(96));
    assertThat(wf.getInputValue(1)).isEqualTo(new IntegerValue(48));
    assertThatThrownBy(() -> wf.setInputValue(0, "wide")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("input 0");
    assertThatThrownBy(() -> wf.setInputValue(0, Path.of("cat.png"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("only taken for image inputs");
  }

  @Test
  void previewSendsNothing() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));
    wf.setInputValue(0, 80);

    assertThat(wf.preview().graph().toJson().path("nodes").path("c3e4a892-d919-4ada-8fcf-a583e1df8af9")
        .path("width").asInt()).isEqualTo(80);
    assertThat(queue.enqueued()).isEmpty();
  }

  @Test
  void verifyInputIndexMapReportsMovedRemovedAndAddedInputs() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));
    Map<Integer, InputRef> exported = wf.exportInputIndexMap();
    assertThat(wf.verifyInputIndexMap(exported).isUnchanged()).isTrue();

    Map<Integer, InputRef> saved = new LinkedHashMap<>();
    InputRef width = exported.get(0);
    InputRef height = exported.get(1);
    saved.put(0, new InputRef(0, height.nodeId(), height.fieldName(), height.label()));
    saved.put(1, new InputRef(1, width.nodeId(), width.fieldName(), width.label()));
    InputRef gone = new InputRef(2, "gone", "value", "Gone");
    saved.put(2, gone);
    InputMapDrift drift = wf.verifyInputIndexMap(saved);

    assertThat(drift.newIndex(0)).contains(1);
    assertThat(drift.newIndex(1)).contains(0);
    assertThat(drift.removed()).containsExactly(gone);
    assertThat(drift.added()).extracting(InputRef::index).containsExactly(2, 3, 4, 5, 6);
    assertThat(drift.isUnchanged()).isFalse();
  }

  @Test
  void syncDnnModelPointsModelFieldsOutsideTheFormAtInstalledModels() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));

    List<ModelSync> changed = wf.syncDnnModel(true, false);

    assertThat(changed).singleElement().satisfies(sync -> {
      assertThat(sync.nodeId()).isEqualTo("loader");
      assertThat(sync.fieldName()).isEqualTo("model");
      assertThat(sync.inputIndex()).isEmpty();
      assertThat(sync.original().path("key").asText()).isEqualTo("old-key");
      assertThat(sync.resolved().key()).isEqualTo("k-dreamshaper");
      assertThat(sync.resolved().name()).isEqualTo("DreamShaper 8");
      assertThat(sync.strategy()).isEqualTo(ModelSync.Strategy.NAME);
    });
    assertThat(wf.definition().field("loader", "model").value())
        .hasValueSatisfying(v -> assertThat(((ModelValue) v).key()).isEqualTo("k-dreamshaper"));
    assertThat(wf.preview().graph().toJson().path("nodes").path("loader").path("model").path("key").asText())
        .isEqualTo("k-dreamshaper");
    assertThat(wf.syncDnnModel(true, false)).as("a second sync changes nothing").isEmpty();
  }

  @Test
  void syncDnnModelFallsBackToTheBaseOnlyWhenAsked() {
    WorkflowHandle strict = repo.createWorkflow(Workflows.load(BLANK));
    assertThatThrownBy(() -> strict.syncDnnModel(false, false)).isInstanceOf(UnresolvedModelException.class)
        .hasMessageContaining("node loader field model (model \"Dreamshaper 8\"");
    assertThat(strict.definition().field("loader", "model").value())
        .hasValueSatisfying(v -> assertThat(((ModelValue) v).key()).isEqualTo("old-key"));

    WorkflowHandle byBase = repo.createWorkflow(Workflows.load(BLANK));
    assertThat(byBase.syncDnnModel(false, true)).singleElement().satisfies(sync -> {
      assertThat(sync.strategy()).isEqualTo(ModelSync.Strategy.BASE);
      assertThat(sync.resolved().key()).isEqualTo("k-dreamshaper");
    });
  }

  @Test
  void cancelNeedsASubmission() {
    WorkflowHandle wf = repo.createWorkflow(Workflows.load(BLANK));

    assertThatThrownBy(wf::cancel).isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing was submitted");
    assertThat(wf.findLastSubmission()).isEmpty();
  }
}
