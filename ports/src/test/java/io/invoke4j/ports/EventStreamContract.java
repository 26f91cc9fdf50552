package io.invoke4j.ports;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.domain.event.BatchEnqueued;
import io.invoke4j.domain.event.InvocationComplete;
import io.invoke4j.domain.event.InvocationError;
import io.invoke4j.domain.event.InvocationStarted;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.event.QueueItemStatusChanged;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventStream} shares with InvokeAI 6.14's Socket.IO events, as the
 * typical order of one item: {@code batch_enqueued}, {@code queue_item_status_changed(in_progress)},
 * per node {@code invocation_started} then {@code invocation_complete}, then
 * {@code queue_item_status_changed(completed)}.
 */
public abstract class EventStreamContract {
  /** What the test made. */
  protected final Created created = new Created();

  /** The stream under test (a fresh one per test: the contract closes it). */
  protected abstract EventStream events();

  /** The queue of the same server. */
  protected abstract QueueGateway queue();

  /** The images of the same server. */
  protected abstract ImageGateway images();

  /** Called after each test's clean-up: close what the subclass opened. */
  protected void afterContract() {}

  @AfterEach
  final void removeCreated() {
    try {
      events().close();
      created.removeAll(this::queue, this::images, () -> {
        throw new IllegalStateException("no boards in the event contract");
      }, () -> {
        throw new IllegalStateException("no workflows in the event contract");
      });
    } finally {
      afterContract();
    }
  }

  /** Collects every event. */
  private static final class Recorder implements EventStream.Listener {
    final List<InvokeEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean connected;

    @Override
    public void onEvent(InvokeEvent event) {
      events.add(event);
    }

    @Override
    public void onConnected() {
      connected = true;
    }

    List<InvokeEvent> of(QueueItemId item) {
      return events.stream().filter(e -> e.itemId().equals(java.util.Optional.of(item))).collect(Collectors.toList());
    }
  }

  private Recorder subscribe() {
    Recorder recorder = new Recorder();
    events().subscribe(recorder);
    Waiting.until(() -> events().isConnected(), "the event stream to connect");
    return recorder;
  }

  private EnqueueResult enqueue(io.invoke4j.domain.queue.EnqueueRequest request) {
    EnqueueResult result = queue().enqueue(request);
    created.batch(result.batchId());
    return result;
  }

  private static String describe(InvokeEvent event) {
    if (event instanceof QueueItemStatusChanged) {
      return event.name() + ":" + ((QueueItemStatusChanged) event).status().wire();
    } else if (event instanceof InvocationStarted) {
      return event.name() + ":" + ((InvocationStarted) event).sourceNodeId();
    } else if (event instanceof InvocationComplete) {
      return event.name() + ":" + ((InvocationComplete) event).sourceNodeId();
    } else if (event instanceof InvocationError) {
      return event.name() + ":" + ((InvocationError) event).sourceNodeId();
    }
    return event.name();
  }

  @Test
  public void subscribingConnects() {
    Recorder recorder = subscribe();

    assertThat(events().isConnected()).isTrue();
    Waiting.until(() -> recorder.connected, "onConnected");
  }

  @Test
  public void eventsOfAnItemArriveInOrder() {
    Recorder recorder = subscribe();
    EnqueueResult result = enqueue(ContractRequests.integerAdd(2, 3, 1));
    QueueItemId item = result.itemIds().get(0);

    Waiting.until(() -> recorder.of(item).stream().anyMatch(e -> e instanceof QueueItemStatusChanged
        && ((QueueItemStatusChanged) e).status().isTerminal()), "the item's terminal status event");

    assertThat(recorder.of(item)).extracting(EventStreamContract::describe).containsExactly(
        "queue_item_status_changed:in_progress",
        "invocation_started:" + ContractRequests.A,
        "invocation_complete:" + ContractRequests.A,
        "invocation_started:" + ContractRequests.SUM,
        "invocation_complete:" + ContractRequests.SUM,
        "queue_item_status_changed:completed");
    InvocationComplete sum = recorder.of(item).stream().filter(e -> e instanceof InvocationComplete)
        .map(InvocationComplete.class::cast).filter(e -> e.sourceNodeId().equals(ContractRequests.SUM))
        .findFirst().orElseThrow();
    assertThat(sum.result().path("value").asInt()).isEqualTo(5);
    assertThat(sum.nodeType()).isEqualTo("add");
    assertThat(sum.batchId()).isEqualTo(result.batchId());
    assertThat(sum.preparedNodeId()).isNotEqualTo(ContractRequests.SUM);
  }

  @Test
  public void batchEnqueuedIsAnnounced() {
    Recorder recorder = subscribe();
    EnqueueResult result = enqueue(ContractRequests.integerAdd(2, 3, 2));

    Waiting.until(() -> recorder.events.stream().anyMatch(e -> e instanceof BatchEnqueued
        && ((BatchEnqueued) e).batchId().equals(result.batchId())), "batch_enqueued");

    BatchEnqueued event = recorder.events.stream().filter(e -> e instanceof BatchEnqueued)
        .map(BatchEnqueued.class::cast).filter(e -> e.batchId().equals(result.batchId())).findFirst().orElseThrow();
    assertThat(event.enqueued()).isEqualTo(2);
    assertThat(event.requested()).isEqualTo(2);
    assertThat(event.origin()).contains("invoke4j-contract");
  }

  @Test
  public void failedStatusComesBeforeTheInvocationError() {
    Recorder recorder = subscribe();
    QueueItemId item = enqueue(ContractRequests.divideByZero()).itemIds().get(0);

    Waiting.until(() -> recorder.of(item).stream().anyMatch(e -> e instanceof InvocationError), "invocation_error");

    assertThat(recorder.of(item)).extracting(EventStreamContract::describe).containsExactly(
        "queue_item_status_changed:in_progress",
        "invocation_started:" + ContractRequests.DIV,
        "queue_item_status_changed:failed",
        "invocation_error:" + ContractRequests.DIV);
    InvocationError error = (InvocationError) recorder.of(item).get(3);
    assertThat(error.errorType()).isEqualTo("ZeroDivisionError");
    QueueItemStatusChanged failed = (QueueItemStatusChanged) recorder.of(item).get(2);
    assertThat(failed.status()).isEqualTo(QueueItemStatus.FAILED);
    assertThat(failed.errorType()).contains("ZeroDivisionError");
  }

  @Test
  public void closedSubscriptionReceivesNothingMore() {
    Recorder kept = subscribe();
    Recorder dropped = new Recorder();
    EventStream.Subscription subscription = events().subscribe(dropped);

    subscription.close();
    QueueItemId item = enqueue(ContractRequests.integerAdd(1, 1, 1)).itemIds().get(0);
    Waiting.until(() -> kept.of(item).stream().anyMatch(e -> e instanceof QueueItemStatusChanged
        && ((QueueItemStatusChanged) e).status().isTerminal()), "the item's terminal status event");

    assertThat(dropped.of(item)).isEmpty();
  }

  @Test
  public void closedStreamDeliversNothingMore() {
    Recorder recorder = subscribe();

    events().close();
    assertThat(events().isConnected()).isFalse();
    QueueItemId item = enqueue(ContractRequests.integerAdd(1, 1, 1)).itemIds().get(0);
    Waiting.untilDone(queue(), item);

    assertThat(recorder.of(item)).isEmpty();
  }
}
