package io.invoke4j.app;

import static io.invoke4j.app.ContractWorkflows.BLANK_BLUR_SAVE;
import static io.invoke4j.app.ContractWorkflows.INTEGER_MATH;
import static io.invoke4j.app.ContractWorkflows.QUOTIENT;
import static io.invoke4j.app.ContractWorkflows.SAVE;
import static io.invoke4j.app.ContractWorkflows.SUM;
import static io.invoke4j.app.ContractWorkflows.intResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.app.usecase.JobUpdate;
import io.invoke4j.app.usecase.OutputMapping;
import io.invoke4j.app.usecase.SweepHandle;
import io.invoke4j.app.usecase.SweepProgress;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchFieldValue;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a sweep ({@link WorkflowHandle#submitSweep}) does against any InvokeAI 6.14 behind an
 * {@link InvokeAIClient}: one request, one item per value (times runs) in ascending order, per-item
 * futures, outputs mapped per item, progress, partial failure and cancel, with the model-less
 * workflows of {@link ContractWorkflows}. Extend it with the client under test; each test removes
 * what it made and never clears the queue.
 */
public abstract class SweepContract {
  /** What the test made. */
  protected final ContractCleanup created = new ContractCleanup();

  /** The client under test; the same instance for the whole test. */
  protected abstract InvokeAIClient client();

  /** Called after each test's clean-up: close what the subclass opened. */
  protected void afterContract() {}

  /** How long a test waits for its items (the default suits a CPU server without models). */
  protected Duration timeout() {
    return Duration.ofSeconds(120);
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

  private SweepHandle sweep(WorkflowHandle workflow, int runs, int index, Object... values) {
    return sweep(workflow, runs, index, update -> { }, values);
  }

  private SweepHandle sweep(WorkflowHandle workflow, int runs, int index, Consumer<JobUpdate> updates,
      Object... values) {
    SweepHandle sweep = workflow.submitSweep(workflow.sweep(index, values), runs, timeout(), updates);
    created.batch(sweep.batchId());
    return sweep;
  }

  private static List<Integer> fieldValues(List<QueueItem> items, String nodeId, String field) {
    List<Integer> values = new ArrayList<>();
    for (QueueItem item : items) {
      for (BatchFieldValue value : item.fieldValues()) {
        if (value.nodePath().equals(nodeId) && value.fieldName().equals(field)) {
          values.add(value.value().asInt());
        }
      }
    }
    return values;
  }

  @Test
  public void aSweepIsOneBatchWithOneItemPerValueInValueOrder() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);

    SweepHandle sweep = sweep(workflow, 1, 0, 1, 2, 3);
    List<QueueItem> done = sweep.waitForAllSync(timeout());

    assertThat(sweep.itemIds()).hasSize(3).isSortedAccordingTo(Comparator.comparingLong(QueueItemId::value));
    assertThat(client().queue().itemIdsOf(sweep.batchId())).isEqualTo(sweep.itemIds());
    assertThat(sweep.submission().sessionIds()).hasSize(3).doesNotHaveDuplicates();
    assertThat(done).extracting(QueueItem::itemId).isEqualTo(sweep.itemIds());
    assertThat(done).extracting(QueueItem::status).containsOnly(QueueItemStatus.COMPLETED);
    assertThat(done).extracting(item -> intResult(item, SUM)).containsExactly(4, 5, 6);
  }

  @Test
  public void eachItemRecordsTheValueItRanWith() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);
    String nodeA = workflow.getInput(0).nodeId();

    List<QueueItem> done = sweep(workflow, 1, 0, 10, 20).waitForAllSync(timeout());

    assertThat(fieldValues(done, nodeA, "value")).containsExactly(10, 20);
  }

  @Test
  public void runsRepeatTheWholeSweep() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);
    String nodeB = workflow.getInput(1).nodeId();

    SweepHandle sweep = sweep(workflow, 2, 1, 10, 20);
    List<QueueItem> done = sweep.waitForAllSync(timeout());

    assertThat(sweep.itemIds()).hasSize(4);
    assertThat(fieldValues(done, nodeB, "b")).containsExactly(10, 20, 10, 20);
    assertThat(done).extracting(item -> intResult(item, SUM)).containsExactly(12, 22, 12, 22);
  }

  @Test
  public void eachItemsFutureCompletesWithThatItem() throws Exception {
    SweepHandle sweep = sweep(workflow(INTEGER_MATH), 1, 2, 1, 5);

    QueueItem second = sweep.completion(sweep.itemIds().get(1)).get(timeout().toSeconds(), TimeUnit.SECONDS);
    List<QueueItem> all = sweep.allDone().get(timeout().toSeconds(), TimeUnit.SECONDS);

    assertThat(second.itemId()).isEqualTo(sweep.itemIds().get(1));
    assertThat(intResult(second, QUOTIENT)).isEqualTo(1);
    assertThat(all).extracting(item -> intResult(item, QUOTIENT)).containsExactly(5, 1);
  }

  @Test
  public void progressCountsFinishedItemsAndUpdatesNameEachItem() {
    List<JobUpdate> updates = new CopyOnWriteArrayList<>();
    SweepHandle sweep = sweep(workflow(INTEGER_MATH), 1, 0, updates::add, 1, 2, 3);

    sweep.waitForAllSync(timeout());

    assertThat(sweep.progress()).isEqualTo(new SweepProgress(3, 3, 0, 0));
    assertThat(sweep.progress().isDone()).isTrue();
    for (QueueItemId id : sweep.itemIds()) {
      assertThat(updates).filteredOn(u -> u.itemId().equals(id) && u instanceof JobUpdate.StatusChange)
          .extracting(u -> ((JobUpdate.StatusChange) u).status())
          .as("status changes of item %s", id.value())
          .endsWith(QueueItemStatus.COMPLETED);
    }
  }

  @Test
  public void aFailingItemFailsAloneAndTheOthersComplete() {
    SweepHandle sweep = sweep(workflow(INTEGER_MATH), 1, 2, 1, 0, 5);

    List<QueueItem> done = sweep.waitForAllSync(timeout());

    assertThat(done).extracting(QueueItem::status)
        .containsExactly(QueueItemStatus.COMPLETED, QueueItemStatus.FAILED, QueueItemStatus.COMPLETED);
    assertThat(done.get(1).errorType()).contains("ZeroDivisionError");
    assertThat(intResult(done.get(2), QUOTIENT)).isEqualTo(1);
    assertThat(sweep.progress()).isEqualTo(new SweepProgress(3, 2, 1, 0));
  }

  @Test
  public void eachItemsOutputsAreItsOwnImages() {
    WorkflowHandle workflow = workflow(BLANK_BLUR_SAVE);

    SweepHandle sweep = sweep(workflow, 1, 0, 16, 24, 32);
    List<QueueItem> done = sweep.waitForAllSync(timeout());

    List<ImageName> names = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    for (QueueItem item : done) {
      List<OutputMapping> outputs = sweep.outputs(item);
      assertThat(outputs).singleElement().satisfies(output -> {
        assertThat(output.nodeId()).isEqualTo(SAVE);
        assertThat(output.inputIndex()).contains(3);
        assertThat(output.imageNames()).hasSize(1);
      });
      ImageName name = outputs.get(0).imageNames().get(0);
      names.add(name);
      ImageInfo info = client().images().find(name).orElseThrow();
      widths.add(info.width());
      assertThat(info.sessionId()).isEqualTo(item.sessionId());
    }
    assertThat(names).doesNotHaveDuplicates();
    assertThat(widths).containsExactly(16, 24, 32);
  }

  @Test
  public void cancelCancelsTheUnfinishedItems() {
    WorkflowHandle workflow = workflow(INTEGER_MATH);
    SweepHandle sweep;
    int canceled;
    client().queue().pauseProcessor();
    try {
      sweep = sweep(workflow, 1, 0, 1, 2, 3);
      canceled = sweep.cancel();
    } finally {
      client().queue().resumeProcessor();
    }

    List<QueueItem> done = sweep.waitForAllSync(timeout());

    assertThat(canceled).isEqualTo(3);
    assertThat(done).extracting(QueueItem::status).containsOnly(QueueItemStatus.CANCELED);
    assertThat(sweep.progress()).isEqualTo(new SweepProgress(3, 0, 0, 3));
  }
}
