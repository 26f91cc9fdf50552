package io.invoke4j.e2e;

import static io.invoke4j.e2e.LiveClient.decode;
import static io.invoke4j.e2e.LiveClient.example;
import static io.invoke4j.e2e.WorkflowApiIT.await;
import static io.invoke4j.e2e.WorkflowApiIT.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.JobUpdate;
import io.invoke4j.app.usecase.OutputMapping;
import io.invoke4j.app.usecase.SweepHandle;
import io.invoke4j.app.usecase.SweepProgress;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.event.BatchEnqueued;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.queue.BatchFieldValue;
import io.invoke4j.domain.queue.BatchStatus;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.Sweep;
import io.invoke4j.domain.queue.Tier;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.ports.EventStream;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkflowHandle#submitSweep} on the real server at {@code INVOKEAI_URL}: twelve runs of
 * {@code examples/blank-blur-save.json} sent as ONE enqueue request (one batch, one
 * {@code batch_enqueued} event), every item followed, mapped and downloaded, each image the size its
 * run was given; and a sweep canceled while the processor is paused.
 */
class SweepIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("invoke4j.e2e.timeout", 300));
  private static final int RESIZE_WIDTH = 4;
  private static final int RESIZE_HEIGHT = 5;
  private static final int BOARD = 6;

  private final LiveClient live = new LiveClient();
  private final InvokeAIClient client = live.client;

  @AfterEach
  void cleanUp() {
    live.close();
  }

  @Test
  void runsTwelveSweptRunsAsOneEnqueueRequest() {
    Board board = live.board();
    WorkflowHandle wf = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(example("blank-blur-save.json")));
    wf.setInputValue(0, 64);
    wf.setInputValue(1, 64);
    wf.setInputValue(BOARD, board.id().value());
    // 3 widths x 4 heights: the cartesian product of two swept inputs, 12 sessions
    Sweep sweep = Sweep.product(wf.sweep(RESIZE_WIDTH, 24, 32, 40), wf.sweep(RESIZE_HEIGHT, 12, 16, 20, 28));
    assertThat(sweep.sessionCount()).isEqualTo(12);

    List<InvokeEvent> events = new CopyOnWriteArrayList<>();
    EventStream.Subscription subscription = client.events().subscribe(new EventStream.Listener() {
      @Override
      public void onEvent(InvokeEvent event) {
        events.add(event);
      }
    });
    List<QueueItem> done;
    SweepHandle sweepHandle;
    List<JobUpdate> updates = new CopyOnWriteArrayList<>();
    try {
      await("the event stream connects", () -> client.events().isConnected());
      sweepHandle = wf.submitSweep(sweep, 1, TIMEOUT, updates::add);
      live.items(sweepHandle.itemIds());
      done = sweepHandle.waitForAllSync(TIMEOUT);
      SweepHandle handle = sweepHandle;
      await("the batch_enqueued event arrives", () -> batchEnqueued(events, handle).size() == 1);
    } finally {
      subscription.close();
    }
    SweepHandle handle = sweepHandle;

    // one request: one batch, one batch_enqueued event, twelve items and sessions
    assertThat(handle.itemIds()).hasSize(12).doesNotHaveDuplicates();
    assertThat(handle.submission().batchId()).isEqualTo(handle.batchId());
    assertThat(handle.submission().sessionIds()).hasSize(12).doesNotHaveDuplicates();
    assertThat(wf.findLastSubmission()).contains(handle.submission());
    assertThat(client.queue().itemIdsOf(handle.batchId())).containsExactlyElementsOf(handle.itemIds());
    BatchStatus batch = client.queue().batchStatus(handle.batchId());
    assertThat(batch.counts().total()).isEqualTo(12);
    assertThat(batch.counts().completed()).isEqualTo(12);
    assertThat(batchEnqueued(events, handle)).singleElement()
        .satisfies(e -> assertThat(e.enqueued()).isEqualTo(12));

    // every item finished, every future completed, the progress counted
    assertThat(done).extracting(QueueItem::itemId).containsExactlyElementsOf(handle.itemIds());
    assertThat(done).allSatisfy(item -> assertThat(item.status()).as("item %d: %s", item.itemId().value(),
        item.errorMessage()).isEqualTo(QueueItemStatus.COMPLETED));
    assertThat(handle.allDone()).isDone();
    assertThat(handle.completions()).hasSize(12).allSatisfy(future -> assertThat(future).isCompleted());
    for (QueueItemId id : handle.itemIds()) {
      assertThat(handle.completion(id).join().itemId()).isEqualTo(id);
    }
    assertThatThrownBy(() -> handle.completion(QueueItemId.of(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(handle.batchId().value());
    SweepProgress progress = handle.progress();
    assertThat(progress).isEqualTo(new SweepProgress(12, 12, 0, 0));
    assertThat(progress.isDone()).isTrue();
    assertThat(updates.stream().filter(u -> u instanceof JobUpdate.StatusChange c
        && c.status() == QueueItemStatus.COMPLETED).map(JobUpdate::itemId).distinct().count()).isEqualTo(12);

    // all twelve outputs mapped and downloaded: each image has the size its run was given
    Set<List<Integer>> sizes = new HashSet<>();
    for (QueueItem item : done) {
      OutputMapping output = single(handle.outputs(item));
      assertThat(output.tier()).isEqualTo(Tier.RESULTS);
      assertThat(output.inputIndex()).contains(BOARD);
      assertThat(output.boardId()).contains(board.id());
      BufferedImage image = decode(client.images().download(output.imageNames().get(0)));
      Map<String, Object> swept = new TreeMap<>();
      for (BatchFieldValue value : item.fieldValues()) {
        swept.put(value.fieldName(), value.value().asInt());
      }
      assertThat(swept).as("item %d's batch values", item.itemId().value())
          .containsEntry("width", image.getWidth()).containsEntry("height", image.getHeight());
      sizes.add(List.of(image.getWidth(), image.getHeight()));
    }
    Set<List<Integer>> expected = new HashSet<>();
    for (int w : new int[] {24, 32, 40}) {
      for (int h : new int[] {12, 16, 20, 28}) {
        expected.add(List.of(w, h));
      }
    }
    assertThat(sizes).isEqualTo(expected);
    assertThat(client.boards().imageNames(board.id())).hasSize(12);
    System.out.printf("sweep: batch %s, 1 batch_enqueued event, items %d..%d, %s, %d distinct sizes%n",
        handle.batchId().value(), handle.itemIds().get(0).value(), handle.itemIds().get(11).value(), progress,
        sizes.size());
  }

  @Test
  void cancelsEveryItemOfASweepWithRuns() {
    WorkflowHandle wf = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(example("integer-add.json")));
    SweepHandle handle;
    int canceled;
    live.pauseProcessor();
    try {
      // 3 values x 2 runs = 6 items of one batch
      handle = wf.submitSweep(wf.sweep(1, 10, 20, 30), 2, TIMEOUT, update -> { });
      live.items(handle.itemIds());
      assertThat(handle.itemIds()).hasSize(6);
      assertThat(client.queue().batchStatus(handle.batchId()).counts().pending()).isEqualTo(6);
      canceled = handle.cancel();
    } finally {
      live.resumeProcessor();
    }
    List<QueueItem> done = handle.waitForAllSync(TIMEOUT);

    assertThat(canceled).isEqualTo(6);
    assertThat(done).extracting(QueueItem::status).containsOnly(QueueItemStatus.CANCELED).hasSize(6);
    assertThat(handle.progress()).isEqualTo(new SweepProgress(6, 0, 0, 6));
    assertThat(client.queue().batchStatus(handle.batchId()).counts().canceled()).isEqualTo(6);
    List<CompletableFuture<QueueItem>> futures = new ArrayList<>(handle.completions());
    assertThat(futures).allSatisfy(f -> assertThat(f.join().status()).isEqualTo(QueueItemStatus.CANCELED));
    System.out.printf("sweep cancel: batch %s, cancel() returned %d, %s%n", handle.batchId().value(), canceled,
        handle.progress());
  }

  private static List<BatchEnqueued> batchEnqueued(List<InvokeEvent> events, SweepHandle handle) {
    return events.stream().filter(BatchEnqueued.class::isInstance).map(BatchEnqueued.class::cast)
        .filter(b -> b.batchId().equals(handle.batchId())).toList();
  }
}
