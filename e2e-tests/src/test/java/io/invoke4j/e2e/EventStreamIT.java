package io.invoke4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.adapter.http.SocketIoEventStream;
import io.invoke4j.app.usecase.WorkflowRequests;
import io.invoke4j.domain.event.BatchEnqueued;
import io.invoke4j.domain.event.InvocationComplete;
import io.invoke4j.domain.event.InvocationError;
import io.invoke4j.domain.event.InvocationStarted;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.event.QueueItemStatusChanged;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.ports.EventStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SocketIoEventStream} on the real server: the events of one queue item arrive typed and in
 * the server's order, and {@code close()} ends the connection and its threads. Single-user servers
 * only for now (the stream is given no token).
 */
class EventStreamIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final InvokeAiServer server = InvokeAiServer.fromEnvironment();
  private final CreatedOnServer created = new CreatedOnServer(server);
  private final SocketIoEventStream stream = SocketIoEventStream.create(
      URI.create(System.getenv("INVOKEAI_URL")), Optional::empty, "default");
  private final List<InvokeEvent> events = new CopyOnWriteArrayList<>();
  private final CountDownLatch connected = new CountDownLatch(1);

  @AfterEach
  void cleanUp() {
    stream.close();
    created.cleanUp();
  }

  @Test
  void deliversTheEventsOfACompletedItemInOrder() throws Exception {
    connect();
    int a = ThreadLocalRandom.current().nextInt(1000);
    int b = ThreadLocalRandom.current().nextInt(1000);
    EnqueueRequest request = WorkflowRequests.prepare(example("integer-add.json"),
        Map.of(0, String.valueOf(a), 1, String.valueOf(b)), 1, Optional.empty());
    List<String> graphNodes = new ArrayList<>();
    request.toJson().path("batch").path("graph").path("nodes").fieldNames().forEachRemaining(graphNodes::add);

    EnqueueResult result = created.enqueued(server.queue().enqueue(request));
    QueueItemId item = result.itemIds().get(0);
    List<InvokeEvent> mine = awaitTerminalStatus(item, result.batchId().value());

    assertThat(mine).extracting(InvokeEvent::name).containsExactly(
        "batch_enqueued",
        "queue_item_status_changed",
        "invocation_started", "invocation_complete",
        "invocation_started", "invocation_complete",
        "queue_item_status_changed");
    assertThat(((BatchEnqueued) mine.get(0)).enqueued()).isEqualTo(1);
    QueueItemStatusChanged started = (QueueItemStatusChanged) mine.get(1);
    QueueItemStatusChanged completed = (QueueItemStatusChanged) mine.get(6);
    assertThat(started.status()).isEqualTo(QueueItemStatus.IN_PROGRESS);
    assertThat(started.startedAt()).isPresent();
    assertThat(completed.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(completed.completedAt().orElseThrow()).isAfterOrEqualTo(started.startedAt().orElseThrow());
    assertThat(completed.batchCounts().orElseThrow().completed()).isEqualTo(1);
    // integer first, add second: the order of the graph's edge; source ids are the ids we sent
    assertThat(((InvocationStarted) mine.get(2)).sourceNodeId()).isEqualTo(graphNodes.get(0));
    assertThat(((InvocationStarted) mine.get(4)).sourceNodeId()).isEqualTo(graphNodes.get(1));
    InvocationComplete sum = (InvocationComplete) mine.get(5);
    assertThat(sum.nodeType()).isEqualTo("add");
    assertThat(sum.result().path("value").asInt()).isEqualTo(a + b);
    assertThat(sum.preparedNodeId()).isNotEqualTo(sum.sourceNodeId());
  }

  @Test
  void reportsAFailedItemBeforeItsInvocationError() throws Exception {
    connect();
    EnqueueRequest request = WorkflowRequests.prepare(example("blur-resize-save.json"),
        Map.of(0, "invoke4j-e2e-no-such-image.png"), 1, Optional.empty());
    EnqueueResult result = created.enqueued(server.queue().enqueue(request));
    QueueItemId item = result.itemIds().get(0);

    awaitTerminalStatus(item, result.batchId().value());
    // InvokeAI sends the error after the failed status: wait for it too
    List<InvokeEvent> mine = awaitEvents(item, result.batchId().value(),
        list -> list.stream().anyMatch(InvocationError.class::isInstance));

    assertThat(mine).extracting(InvokeEvent::name).containsExactly(
        "batch_enqueued", "queue_item_status_changed", "invocation_started",
        "queue_item_status_changed", "invocation_error");
    QueueItemStatusChanged failed = (QueueItemStatusChanged) mine.get(3);
    InvocationError error = (InvocationError) mine.get(4);
    assertThat(failed.status()).isEqualTo(QueueItemStatus.FAILED);
    assertThat(failed.errorType()).contains("ImageRecordNotFoundException");
    assertThat(error.errorType()).isEqualTo("ImageRecordNotFoundException");
    assertThat(error.nodeType()).isEqualTo("image");
    assertThat(error.errorTraceback().orElseThrow()).contains("Traceback");
  }

  @Test
  void closeEndsTheConnectionAndItsThreads() throws Exception {
    connect();
    assertThat(stream.isConnected()).isTrue();
    assertThat(liveStreamThreads()).isNotEmpty();

    stream.close();

    assertThat(stream.isConnected()).isFalse();
    Instant deadline = Instant.now().plusSeconds(10);
    while (!liveStreamThreads().isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(liveStreamThreads()).as("threads of the closed stream").isEmpty();
  }

  private void connect() throws InterruptedException {
    stream.subscribe(new EventStream.Listener() {
      @Override
      public void onEvent(InvokeEvent event) {
        events.add(event);
      }

      @Override
      public void onConnected() {
        connected.countDown();
      }
    });
    assertThat(connected.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("connected").isTrue();
  }

  private List<InvokeEvent> awaitTerminalStatus(QueueItemId item, String batchId) throws InterruptedException {
    return awaitEvents(item, batchId, list -> list.stream().anyMatch(e ->
        e instanceof QueueItemStatusChanged && ((QueueItemStatusChanged) e).status().isTerminal()));
  }

  /** The events of this item (and its batch's {@code batch_enqueued}) once {@code done} holds. */
  private List<InvokeEvent> awaitEvents(QueueItemId item, String batchId,
      Predicate<List<InvokeEvent>> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (true) {
      List<InvokeEvent> mine = new ArrayList<>();
      for (InvokeEvent event : events) {
        boolean ours = event.itemId().equals(Optional.of(item))
            || event instanceof BatchEnqueued && ((BatchEnqueued) event).batchId().value().equals(batchId);
        if (ours && !event.name().equals("invocation_progress")) {
          mine.add(event);
        }
      }
      if (done.test(mine)) {
        return mine;
      }
      if (Instant.now().isAfter(deadline)) {
        String state = server.queue().find(item).map(QueueItem::statusText).orElse("gone");
        throw new AssertionError("events of item " + item.value() + " incomplete after " + TIMEOUT
            + " (item " + state + "): " + mine);
      }
      Thread.sleep(50);
    }
  }

  private static WorkflowDefinition example(String name) {
    return WorkflowDefinition.fromFile(Path.of("..", "examples", name).toAbsolutePath().normalize());
  }

  private static List<String> liveStreamThreads() {
    List<String> names = new ArrayList<>();
    Thread.getAllStackTraces().keySet().forEach(t -> {
      if (t.isAlive() && t.getName().startsWith("invoke4j-events")) {
        names.add(t.getName());
      }
    });
    return names;
  }
}
