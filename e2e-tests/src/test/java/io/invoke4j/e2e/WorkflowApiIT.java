package io.invoke4j.e2e;

import static io.invoke4j.e2e.LiveClient.centre;
import static io.invoke4j.e2e.LiveClient.decode;
import static io.invoke4j.e2e.LiveClient.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.InputMapDrift;
import io.invoke4j.app.usecase.InputProblem;
import io.invoke4j.app.usecase.InputRef;
import io.invoke4j.app.usecase.JobUpdate;
import io.invoke4j.app.usecase.OutputMapping;
import io.invoke4j.app.usecase.Submission;
import io.invoke4j.app.usecase.WaitTimeoutException;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.app.usecase.WorkflowOutput;
import io.invoke4j.domain.EnqueueProblem;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.Fixtures;
import io.invoke4j.domain.event.InvocationComplete;
import io.invoke4j.domain.event.InvocationStarted;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.event.QueueItemStatusChanged;
import io.invoke4j.domain.field.ColorValue;
import io.invoke4j.domain.field.FloatValue;
import io.invoke4j.domain.field.IntegerValue;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.Tier;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import io.invoke4j.ports.EventStream;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Workflow API of {@link InvokeAIClient} on the real, model-less server at {@code INVOKEAI_URL}:
 * the seed sequence on both image examples, asynchronous submit with events counted per
 * node, cancel, timeout, a local image uploaded at submit and deleted afterwards, and how a value the
 * server refuses (422) is mapped to the form input that holds it. Each test deletes what it created.
 *
 * <p>Some tests pause the server's processor for a moment (resumed in a {@code finally}), so the
 * statuses they see do not depend on how fast the server is.
 */
class WorkflowApiIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("invoke4j.e2e.timeout", 300));
  private static final Duration POLL = Duration.ofMillis(500);

  private final LiveClient live = new LiveClient();
  private final InvokeAIClient client = live.client;

  @AfterEach
  void cleanUp() {
    live.close();
  }

  @Test
  void runsTheSeedSequenceOnBlankBlurSave() {
    Board board = live.board();
    WorkflowHandle wf = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(example("blank-blur-save.json")));

    // a model-less server: nothing to sync, nothing changed
    assertThat(client.models().list(Optional.empty(), Optional.empty())).isEmpty();
    assertThat(wf.syncDnnModel(true, true)).isEmpty();

    String blank = "c3e4a892-d919-4ada-8fcf-a583e1df8af9";
    String blur = "6c79a3de-69f8-4e31-b1f3-b9238224b122";
    String resize = "738d243a-6e58-45ca-89c7-b59b995253fd";
    String save = "4278c261-4e1b-4b38-bbb4-a570294c4ea3";
    assertThat(wf.listInputs())
        .extracting(WorkflowInput::index, WorkflowInput::label, WorkflowInput::fieldName, WorkflowInput::nodeName,
            WorkflowInput::nodeId, WorkflowInput::required)
        .containsExactly(
            tuple(0, "Width", "width", "Blank image", blank, false),
            tuple(1, "Height", "height", "Blank image", blank, false),
            tuple(2, "Color", "color", "Blank image", blank, false),
            tuple(3, "Blur radius", "radius", "Blur", blur, false),
            tuple(4, "Resize width", "width", "Resize", resize, false),
            tuple(5, "Resize height", "height", "Resize", resize, false),
            tuple(6, "Output board", "board", "Save", save, false));
    assertThat(wf.getInputValue(0)).isEqualTo(new IntegerValue(512));
    assertThat(wf.getInputValue(2)).isEqualTo(new ColorValue(64, 128, 192, 255));
    assertThat(wf.getInput(3).value()).contains(FloatValue.of(4));

    wf.setInputValue(0, 96);
    wf.setInputValue(1, 80);
    wf.setInputValue(2, new ColorValue(200, 40, 40, 255));
    wf.setInputValue(3, 2.5);
    wf.setInputValue(4, 48);
    wf.setInputValue(5, 40);
    wf.setInputValue(6, board.id().value());
    assertThat(wf.getInputValue(0)).isEqualTo(new IntegerValue(96));
    assertThat(wf.getInputValue(2)).isEqualTo(new ColorValue(200, 40, 40, 255));
    assertThat(wf.validateInputs()).isEmpty();
    assertThat(wf.listOutputs()).containsExactly(new WorkflowOutput(save, "save_image", "Save", Optional.of(6)));

    // what would be sent: the four nodes, the values set, the board on the save node
    EnqueueRequest preview = wf.preview();
    JsonNode nodes = preview.graph().nodes();
    assertThat(nodes.size()).isEqualTo(4);
    assertThat(nodes.path(blank).path("width").asInt()).isEqualTo(96);
    assertThat(nodes.path(resize).path("height").asInt()).isEqualTo(40);
    assertThat(nodes.path(save).path("board").path("board_id").asText()).isEqualTo(board.id().value());

    // the input index map survives a round trip unchanged
    Map<Integer, InputRef> indexMap = wf.exportInputIndexMap();
    assertThat(indexMap).hasSize(7);
    assertThat(indexMap.get(6)).isEqualTo(new InputRef(6, save, "board", "Output board"));
    InputMapDrift drift = wf.verifyInputIndexMap(indexMap);
    assertThat(drift.isUnchanged()).isTrue();
    assertThat(drift.newIndex(4)).contains(4);

    assertThat(wf.findLastSubmission()).isEmpty();
    List<JobUpdate> updates = new ArrayList<>();
    QueueItem done;
    Submission submission;
    // paused, the item is seen pending first, then started and completed, whatever the server's speed
    live.pauseProcessor();
    try {
      submission = wf.submitSync();
      live.items(submission.itemIds());
      assertThat(submission.batchId().value()).isNotBlank();
      assertThat(submission.itemIds()).hasSize(1);
      assertThat(submission.sessionIds()).hasSize(1);
      assertThat(submission.uploadedImages()).isEmpty();
      assertThat(wf.findLastSubmission()).contains(submission);
      done = wf.waitForCompletionSync(POLL, TIMEOUT, update -> {
        updates.add(update);
        if (update instanceof JobUpdate.StatusChange change && change.status() == QueueItemStatus.PENDING) {
          live.resumeProcessor();
        }
      });
    } finally {
      live.resumeProcessor();
    }

    QueueItemId item = submission.itemIds().get(0);
    assertThat(done.itemId()).isEqualTo(item);
    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(done.batchId()).isEqualTo(submission.batchId());
    assertThat(done.sessionId()).contains(submission.sessionIds().get(0));
    assertThat(statusChanges(updates, item)).containsExactly(
        QueueItemStatus.PENDING, QueueItemStatus.IN_PROGRESS, QueueItemStatus.COMPLETED);

    List<OutputMapping> outputs = wf.mapOutputsToImages(done);
    assertThat(outputs).hasSize(1);
    OutputMapping output = outputs.get(0);
    assertThat(output.nodeId()).isEqualTo(save);
    assertThat(output.nodeType()).isEqualTo("save_image");
    assertThat(output.inputIndex()).contains(6);
    assertThat(output.boardId()).contains(board.id());
    assertThat(output.tier()).isEqualTo(Tier.RESULTS);
    assertThat(output.imageNames()).hasSize(1);

    ImageName name = output.imageNames().get(0);
    BufferedImage image = decode(client.images().download(name));
    assertThat(image.getWidth()).isEqualTo(48);
    assertThat(image.getHeight()).isEqualTo(40);
    assertClose(centre(image), new Color(200, 40, 40));
    assertThat(client.images().find(name).flatMap(ImageInfo::boardId)).contains(board.id());
    assertThat(client.boards().imageNames(board.id())).containsExactly(name);
    System.out.printf("seed sequence (blank-blur-save): item %d %s in %d status changes, %s on board %s is %dx%d%n",
        item.value(), done.status().wire(), updates.size(), name.value(), board.id().value(), image.getWidth(),
        image.getHeight());
  }

  @Test
  void runsTheSeedSequenceOnBlurResizeSaveWithAnUploadedImage() {
    Board board = live.board();
    ImageInfo source = client.images().upload(LiveClient.png(64, 48, new Color(30, 160, 90)),
        LiveClient.uniqueName("source") + ".png", ImageCategory.USER, Optional.empty(), false);
    live.image(source.name());
    WorkflowHandle wf = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(example("blur-resize-save.json")));
    assertThat(wf.syncDnnModel(true, true)).isEmpty();

    assertThat(wf.listInputs())
        .extracting(WorkflowInput::label, WorkflowInput::fieldName, WorkflowInput::nodeName, WorkflowInput::required)
        .containsExactly(
            tuple("Source image", "image", "Source image", true),
            tuple("Blur radius", "radius", "Blur", false),
            tuple("Width", "width", "Resize", false),
            tuple("Height", "height", "Resize", false),
            tuple("Output board", "board", "Save", false));
    // the image is required and not set: found before anything is sent
    assertThatThrownBy(() -> wf.getInputValue(0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("input 0 \"Source image\"").hasMessageContaining("has no value");
    assertThat(wf.validateInputs()).extracting(InputProblem::inputIndex, InputProblem::label)
        .containsExactly(tuple(Optional.of(0), "Source image"));
    assertThatThrownBy(wf::submitSync).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("input 0 \"Source image\"");
    assertThat(wf.findLastSubmission()).isEmpty();

    wf.setInputValue(0, source.name().value());
    wf.setInputValue(1, 1);
    wf.setInputValue(2, 32);
    wf.setInputValue(3, 24);
    wf.setInputValue(4, board.id().value());
    assertThat(wf.getInputValue(0).toJson().path("image_name").asText()).isEqualTo(source.name().value());
    assertThat(wf.validateInputs()).isEmpty();

    Submission submission = wf.submitSync();
    live.items(submission.itemIds());
    List<JobUpdate> updates = new ArrayList<>();
    QueueItem done = wf.waitForCompletionSync(POLL, TIMEOUT, updates::add);
    assertThat(done.status()).as("%s", done.errorMessage()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(statusChanges(updates, done.itemId())).last().isEqualTo(QueueItemStatus.COMPLETED);

    OutputMapping output = single(wf.mapOutputsToImages(done));
    assertThat(output.inputIndex()).contains(4);
    assertThat(output.boardId()).contains(board.id());
    assertThat(output.tier()).isEqualTo(Tier.RESULTS);
    BufferedImage image = decode(client.images().download(output.imageNames().get(0)));
    assertThat(image.getWidth()).isEqualTo(32);
    assertThat(image.getHeight()).isEqualTo(24);
    assertClose(centre(image), new Color(30, 160, 90));
    System.out.printf("seed sequence (blur-resize-save): %s -> item %d -> %s %dx%d%n", source.name().value(),
        done.itemId().value(), output.imageNames().get(0).value(), image.getWidth(), image.getHeight());
  }

  @Test
  void submitsAsynchronouslyAndReportsEveryNodesEvents() throws Exception {
    Board board = live.board();
    WorkflowHandle wf = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(example("blank-blur-save.json")));
    wf.setInputValue(0, 64);
    wf.setInputValue(1, 64);
    wf.setInputValue(4, 16);
    wf.setInputValue(5, 16);
    wf.setInputValue(6, board.id().value());
    Set<String> graphNodes = new HashSet<>();
    wf.preview().graph().nodes().fieldNames().forEachRemaining(graphNodes::add);

    List<InvokeEvent> events = new CopyOnWriteArrayList<>();
    List<JobUpdate> updates = new CopyOnWriteArrayList<>();
    QueueItem done;
    QueueItemId item;
    EventStream.Subscription subscription = client.events().subscribe(new EventStream.Listener() {
      @Override
      public void onEvent(InvokeEvent event) {
        events.add(event);
      }
    });
    try {
      await("the event stream connects", () -> client.events().isConnected());
      CompletableFuture<QueueItem> future;
      live.pauseProcessor();
      try {
        future = wf.submit(TIMEOUT, updates::add);
        Submission submission = wf.findLastSubmission().orElseThrow();
        live.items(submission.itemIds());
        item = submission.itemIds().get(0);
        // the waiting thread has read the item (pending) before the processor resumes
        await("the waiting thread reports the pending item", () -> statusChanges(updates, item).contains(
            QueueItemStatus.PENDING));
      } finally {
        live.resumeProcessor();
      }
      done = future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      // our listener may be told of the last event a moment after the waiter was
      QueueItemId id = item;
      await("the completed status reaches our listener", () -> eventsOf(events, id).stream().anyMatch(
          e -> e instanceof QueueItemStatusChanged s && s.status() == QueueItemStatus.COMPLETED));
    } finally {
      subscription.close();
    }

    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(statusChanges(updates, item)).containsExactly(
        QueueItemStatus.PENDING, QueueItemStatus.IN_PROGRESS, QueueItemStatus.COMPLETED);
    List<InvokeEvent> mine = eventsOf(events, item);
    Map<String, Integer> counts = new LinkedHashMap<>();
    mine.forEach(e -> counts.merge(e.name(), 1, Integer::sum));
    assertThat(mine.stream().filter(InvocationStarted.class::isInstance).map(e -> ((InvocationStarted) e).sourceNodeId()))
        .containsExactlyInAnyOrderElementsOf(graphNodes);
    assertThat(mine.stream().filter(InvocationComplete.class::isInstance)
        .map(e -> ((InvocationComplete) e).sourceNodeId())).containsExactlyInAnyOrderElementsOf(graphNodes);
    assertThat(mine.stream().filter(QueueItemStatusChanged.class::isInstance)
        .map(e -> ((QueueItemStatusChanged) e).status()))
        .containsExactly(QueueItemStatus.IN_PROGRESS, QueueItemStatus.COMPLETED);
    // the same run, mapped as the sync path maps it
    OutputMapping output = single(wf.mapOutputsToImages(done));
    BufferedImage image = decode(client.images().download(output.imageNames().get(0)));
    assertThat(image.getWidth()).isEqualTo(16);
    System.out.printf("async submit: item %d, %d graph nodes, events %s, updates %d%n", item.value(),
        graphNodes.size(), counts, updates.size());

    // waitForCompletion() on a finished submission completes at once with the same item
    QueueItem again = wf.waitForCompletion().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(again.itemId()).isEqualTo(item);
    assertThat(again.status()).isEqualTo(QueueItemStatus.COMPLETED);
  }

  @Test
  void cancelsAPendingSubmission() {
    WorkflowHandle wf = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(example("integer-add.json")));
    assertThatThrownBy(wf::cancel).isInstanceOf(IllegalStateException.class);
    List<JobUpdate> updates = new ArrayList<>();
    Submission submission;
    int canceled;
    live.pauseProcessor();
    try {
      submission = wf.submitSync();
      live.items(submission.itemIds());
      assertThat(client.queue().find(submission.itemIds().get(0)).orElseThrow().status())
          .isEqualTo(QueueItemStatus.PENDING);
      canceled = wf.cancel();
    } finally {
      live.resumeProcessor();
    }
    QueueItem done = wf.waitForCompletionSync(POLL, TIMEOUT, updates::add);

    assertThat(canceled).isEqualTo(1);
    assertThat(done.status()).isEqualTo(QueueItemStatus.CANCELED);
    assertThat(client.queue().find(done.itemId()).orElseThrow().status()).isEqualTo(QueueItemStatus.CANCELED);
    assertThat(statusChanges(updates, done.itemId())).containsExactly(QueueItemStatus.CANCELED);
    assertThat(client.queue().batchStatus(submission.batchId()).counts().canceled()).isEqualTo(1);
    System.out.printf("cancel: item %d %s (cancel() returned %d)%n", done.itemId().value(), done.status().wire(),
        canceled);
  }

  @Test
  void timesOutNamingTheItemAndItsStatus() throws Exception {
    WorkflowHandle wf = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(example("integer-add.json")));
    assertThatThrownBy(() -> wf.waitForCompletionSync(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing was submitted");
    live.pauseProcessor();
    try {
      Submission submission = wf.submitSync();
      live.items(submission.itemIds());
      QueueItemId item = submission.itemIds().get(0);

      Duration tiny = Duration.ofMillis(700);
      long start = System.nanoTime();
      WaitTimeoutException timeout = assertThrows(WaitTimeoutException.class,
          () -> wf.waitForCompletionSync(Duration.ofMillis(100), tiny, update -> { }));
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(timeout.lastKnownStatus()).containsExactly(Map.entry(item, QueueItemStatus.PENDING));
      assertThat(timeout.timeout()).isEqualTo(tiny);
      assertThat(timeout).hasMessage("queue item " + item.value() + " did not finish within PT0.7S;"
          + " last known status: pending");
      assertThat(tookMs).isBetween(600L, 10_000L);

      // the asynchronous wait fails the same way
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> wf.waitForCompletion(tiny, update -> { }).get(30, TimeUnit.SECONDS));
      assertThat(async.getCause()).isInstanceOf(WaitTimeoutException.class)
          .hasMessageContaining("queue item " + item.value());
      // the item kept its place in the queue
      assertThat(client.queue().find(item).orElseThrow().status()).isEqualTo(QueueItemStatus.PENDING);
      wf.cancel();
      System.out.printf("timeout: %s (after %d ms)%n", timeout.getMessage(), tookMs);
    } finally {
      live.resumeProcessor();
    }
  }

  @Test
  void uploadsALocalImageAtSubmitAndDeletesItAfterTheRun(@TempDir Path dir) throws Exception {
    Board board = live.board();
    Path file = dir.resolve(LiveClient.uniqueName("local") + ".png");
    Files.write(file, LiveClient.png(40, 30, new Color(250, 200, 20)));
    WorkflowHandle wf = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(example("blur-resize-save.json")));
    wf.setInputValue(0, file);
    wf.setInputValue(2, 20);
    wf.setInputValue(3, 15);
    wf.setInputValue(4, board.id().value());
    wf.setDeleteUploadsAfterRun(true);
    assertThatThrownBy(() -> wf.getInputValue(0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("uploaded at submit");
    assertThat(wf.validateInputs()).isEmpty();
    assertThat(wf.preview().graph().nodes().path("b8a1abcd-1a69-46c7-8da4-f9fc3c6da5d7").path("image")
        .path("image_name").asText()).isEqualTo(file.getFileName().toString());
    // a path is only taken for an image input, and only for a readable file
    assertThatThrownBy(() -> wf.setInputValue(2, file)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> wf.setInputValue(0, dir.resolve("missing.png")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a readable file");

    Submission submission = wf.submitSync();
    live.items(submission.itemIds());
    assertThat(submission.uploadedImages()).hasSize(1);
    ImageName uploaded = submission.uploadedImages().get(0);
    live.image(uploaded);
    assertThat(client.images().find(uploaded)).isPresent();

    QueueItem done = wf.waitForCompletionSync(POLL, TIMEOUT, update -> { });
    assertThat(done.status()).as("%s", done.errorMessage()).isEqualTo(QueueItemStatus.COMPLETED);
    OutputMapping output = single(wf.mapOutputsToImages(done));
    BufferedImage image = decode(client.images().download(output.imageNames().get(0)));
    assertThat(image.getWidth()).isEqualTo(20);
    assertThat(image.getHeight()).isEqualTo(15);
    assertClose(centre(image), new Color(250, 200, 20));
    assertThat(client.images().find(uploaded)).as("the uploaded %s is deleted after the run", uploaded).isEmpty();
    System.out.printf("local image: %s uploaded as %s, ran as item %d, deleted afterwards%n", file.getFileName(),
        uploaded.value(), done.itemId().value());
  }

  /**
   * The library checks every form value it can against the server's schema before sending (see the
   * next test), so a value only the server refuses must be one whose constraint the schema hides
   * inside a nested object: a model identifier's {@code base} is an enum of the server's
   * {@code BaseModelType}, which {@code validateInputs} does not look into. The server's 422 names
   * {@code [..., nodes, <id>, sdxl_model_loader, model, base]}; the library maps it to input 0 "Model".
   */
  @Test
  void mapsTheServers422ToTheFormInput() {
    WorkflowHandle wf = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(Fixtures.file("workflows/gui-exported/sdxl-text-to-image.json")));
    WorkflowInput model = wf.getInput(0);
    assertThat(model.label()).isEqualTo("Model");
    assertThat(model.fieldName()).isEqualTo("model");
    wf.setInputValue(0, Map.of("key", "invoke4j-e2e-no-such-key", "hash", "blake3:00", "name", "no-such-model",
        "base", "no-such-base", "type", "main"));
    assertThat(wf.validateInputs()).as("the library lets the value through").isEmpty();

    EnqueueRejectedException rejected = assertThrows(
        EnqueueRejectedException.class, wf::submitSync);
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.method()).isEqualTo("POST");
    assertThat(rejected.path()).endsWith("/enqueue_batch");
    assertThat(rejected.problems()).hasSize(1);
    EnqueueProblem problem = rejected.problems().get(0);
    assertThat(problem.inputIndex()).contains(0);
    assertThat(problem.inputLabel()).contains("Model");
    assertThat(problem.nodeId()).contains(model.nodeId());
    assertThat(problem.field()).contains("model");
    assertThat(problem.type()).isEqualTo("enum");
    assertThat(problem.loc()).last().isEqualTo("base");
    assertThat(problem.describe()).startsWith("input 0 \"Model\"");
    assertThat(rejected).hasMessageContaining("input 0 \"Model\"");
    assertThat(wf.findLastSubmission()).as("nothing was queued").isEmpty();
    System.out.printf("422 mapped: %s%n", problem.describe());
  }

  @Test
  void refusesAValueOutsideTheServersBoundsBeforeSending() {
    WorkflowHandle wf = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(example("blank-blur-save.json")));
    int before = client.queue().status().counts().total();
    // img_resize.width is exclusiveMinimum 0 in the server's schema; the type alone allows 0
    wf.setInputValue(4, 0);
    assertThat(wf.validateInputs()).extracting(InputProblem::inputIndex, InputProblem::label, InputProblem::fieldName)
        .containsExactly(tuple(Optional.of(4), "Resize width", "width"));
    assertThatThrownBy(wf::submitSync).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("input 4 \"Resize width\"");
    assertThat(wf.findLastSubmission()).isEmpty();
    assertThat(client.queue().status().counts().total()).isLessThanOrEqualTo(before);
  }

  // ------------------------------------------------------------------ helpers

  static List<QueueItemStatus> statusChanges(List<JobUpdate> updates, QueueItemId item) {
    return updates.stream().filter(JobUpdate.StatusChange.class::isInstance).map(JobUpdate.StatusChange.class::cast)
        .filter(change -> change.itemId().equals(item)).map(JobUpdate.StatusChange::status).toList();
  }

  static List<InvokeEvent> eventsOf(List<InvokeEvent> events, QueueItemId item) {
    return events.stream().filter(e -> e.itemId().map(item::equals).orElse(false)).toList();
  }

  static OutputMapping single(List<OutputMapping> outputs) {
    assertThat(outputs).hasSize(1);
    OutputMapping output = outputs.get(0);
    assertThat(output.imageNames()).hasSize(1);
    return output;
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }

  /** A blurred and resized plain colour stays that colour, give or take rounding. */
  static void assertClose(Color actual, Color expected) {
    assertThat(actual.getRed()).as("red of %s", actual).isCloseTo(expected.getRed(), within(3));
    assertThat(actual.getGreen()).as("green of %s", actual).isCloseTo(expected.getGreen(), within(3));
    assertThat(actual.getBlue()).as("blue of %s", actual).isCloseTo(expected.getBlue(), within(3));
  }
}
