package io.invoke4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.app.usecase.FakeEventStream;
import io.invoke4j.app.usecase.FakeImageGateway;
import io.invoke4j.app.usecase.FakeQueueGateway;
import io.invoke4j.app.usecase.ModelSync;
import io.invoke4j.app.usecase.OutputMapping;
import io.invoke4j.app.usecase.Submission;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The program, verbatim, must compile; the same lines run against fakes. */
class SeedProgramTest {
  /** The program as written (against a real server, so only compiled here). */
  @SuppressWarnings("unused")
  static void seed(Path path, ImageName name) throws Exception {
    try (InvokeAIClient client = InvokeAIClient.fromUrl("http://127.0.0.1:9090")) {
      WorkflowHandle wf = client.workflowRepo().createWorkflow(WorkflowDefinition.fromFile(path));
      List<ModelSync> changed = wf.syncDnnModel(true, true);        // (original, resolved) pairs
      for (WorkflowInput in : wf.listInputs()) { in.index(); in.label(); in.fieldName(); in.nodeName(); in.nodeId(); in.required(); }
      FieldValue v = wf.getInputValue(0);
      wf.setInputValue(0, 96);                                       // Object or FieldValue, type-checked
      Submission s = wf.submitSync();                                // batchId(), itemIds(), sessionIds()
      QueueItem done = wf.waitForCompletionSync(Duration.ofMillis(500), Duration.ofSeconds(180), item -> {});
      for (OutputMapping m : wf.mapOutputsToImages(done)) { m.nodeId(); m.inputIndex(); m.boardId(); m.tier(); m.imageNames(); }
      byte[] png = client.images().download(name);
    }
  }

  @Test
  void theSeedProgramRunsAgainstSwappedPorts() throws Exception {
    Path path = Path.of(SeedProgramTest.class.getResource("/io/invoke4j/app/blank-blur-save-model.json").toURI());
    FakeEventStream events = new FakeEventStream(true);
    FakeQueueGateway queue = new FakeQueueGateway(events);
    FakeImageGateway images = new FakeImageGateway();
    images.put("out-1.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
      try {
        events.awaitSubscriber();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      queue.start(QueueItemId.of(1));
      queue.complete(QueueItemId.of(1), "4278c261-4e1b-4b38-bbb4-a570294c4ea3", "out-1.png", true);
    });
    List<ImageName> names = new ArrayList<>();
    byte[] downloaded;

    // the seed's lines, with the client built over fakes
    try (InvokeAIClient client = InvokeAIClientTest.swapped(events, queue, images).build()) {
      WorkflowHandle wf = client.workflowRepo().createWorkflow(WorkflowDefinition.fromFile(path));
      List<ModelSync> changed = wf.syncDnnModel(true, true);        // (original, resolved) pairs
      for (WorkflowInput in : wf.listInputs()) { in.index(); in.label(); in.fieldName(); in.nodeName(); in.nodeId(); in.required(); }
      FieldValue v = wf.getInputValue(0);
      wf.setInputValue(0, 96);                                       // Object or FieldValue, type-checked
      Submission s = wf.submitSync();                                // batchId(), itemIds(), sessionIds()
      QueueItem done = wf.waitForCompletionSync(Duration.ofMillis(500), Duration.ofSeconds(180), item -> {});
      for (OutputMapping m : wf.mapOutputsToImages(done)) { m.nodeId(); m.inputIndex(); m.boardId(); m.tier(); m.imageNames(); names.addAll(m.imageNames()); }
      ImageName name = names.get(0);
      byte[] png = client.images().download(name);

      assertThat(changed).hasSize(1);
      assertThat(v.toJson().asInt()).isEqualTo(512);
      assertThat(s.itemIds()).containsExactly(QueueItemId.of(1));
      downloaded = png;
    }
    server.get(5, TimeUnit.SECONDS);

    assertThat(names).containsExactly(ImageName.of("out-1.png"));
    assertThat(downloaded).startsWith((byte) 0x89, (byte) 'P');
  }

  /** Keeps the seed referenced, so it is compiled with every change to the API. */
  @Test
  void theVerbatimSeedCompiles() throws NoSuchMethodException, URISyntaxException {
    assertThat(SeedProgramTest.class.getDeclaredMethod("seed", Path.class, ImageName.class)).isNotNull();
  }
}
