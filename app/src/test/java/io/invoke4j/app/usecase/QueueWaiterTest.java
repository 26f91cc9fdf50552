package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A wait outlives a server that cannot be reached for a while, as during a restart. */
class QueueWaiterTest {
  private static final Duration POLL = Duration.ofMillis(20);

  private final FakeEventStream events = new FakeEventStream(false);
  private final FakeQueueGateway queue = new FakeQueueGateway(events);
  private final QueueWaiter waiter = new QueueWaiter(queue, events);

  private QueueItemId enqueueOne() {
    EnqueueRequest request = EnqueueRequest.forWorkflow(Workflows.load(Workflows.BLANK)).build();
    return queue.enqueue(request).itemIds().get(0);
  }

  @Test
  void keepsPollingWhileTheServerIsUnreachableAndReportsTheFinalState() throws Exception {
    QueueItemId id = enqueueOne();
    queue.start(id);
    queue.unreachableFor(5);

    CompletableFuture<List<QueueItem>> wait = CompletableFuture.supplyAsync(
        () -> waiter.await(List.of(id), POLL, Duration.ofSeconds(30), update -> {}, item -> {}));
    // the server comes back having canceled what was in progress, without an event (stream down)
    while (queue.listCalls() < 6) {
      Thread.sleep(5);
    }
    queue.cancel(id);

    List<QueueItem> done = wait.get();
    assertThat(done).extracting(QueueItem::status).containsExactly(QueueItemStatus.CANCELED);
    assertThat(queue.listCalls()).isGreaterThan(6);
  }

  @Test
  void aTimeoutWhileUnreachableNamesTheLastFailure() {
    QueueItemId id = enqueueOne();
    queue.unreachableFor(Integer.MAX_VALUE);

    assertThatThrownBy(() -> waiter.await(List.of(id), POLL, Duration.ofMillis(300), update -> {}, item -> {}))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("queue item " + id.value())
        .hasCauseInstanceOf(InvokeTransportException.class);
  }
}
