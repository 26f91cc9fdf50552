package io.invoke4j.app.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.event.InvocationProgress;
import io.invoke4j.domain.event.QueueItemStatusChanged;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.BatchStatus;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.QueueStatus;
import io.invoke4j.ports.QueueGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A queue in memory. Enqueue makes {@code expectedSessions()} pending items with the request's
 * graph; the test moves them on ({@link #start}, {@link #progress}, {@link #complete}), which emits
 * the server's events on the {@link FakeEventStream}.
 */
public final class FakeQueueGateway implements QueueGateway {
  private final FakeEventStream events;
  private final Map<QueueItemId, QueueItem> items = new LinkedHashMap<>();
  private final List<EnqueueRequest> enqueued = new ArrayList<>();
  private final List<List<QueueItemId>> listCalls = new ArrayList<>();
  private EnqueueRejectedException rejection;
  private long nextId = 1;
  private int batches;
  private int unreachableReads;

  public FakeQueueGateway(FakeEventStream events) {
    this.events = events;
  }

  /** The next enqueue throws {@code e}. */
  public synchronized void rejectNext(EnqueueRejectedException e) {
    this.rejection = e;
  }

  /** The next {@code reads} calls of {@code list} fail as if the server could not be reached. */
  public synchronized void unreachableFor(int reads) {
    this.unreachableReads = reads;
  }

  public synchronized List<EnqueueRequest> enqueued() {
    return List.copyOf(enqueued);
  }

  public synchronized int listCalls() {
    return listCalls.size();
  }

  @Override
  public synchronized EnqueueResult enqueue(EnqueueRequest request) {
    if (rejection != null) {
      EnqueueRejectedException e = rejection;
      rejection = null;
      throw e;
    }
    enqueued.add(request);
    BatchId batch = BatchId.of("batch-" + ++batches);
    List<QueueItemId> ids = new ArrayList<>();
    for (int i = 0; i < request.expectedSessions(); i++) {
      QueueItemId id = QueueItemId.of(nextId++);
      ids.add(id);
      items.put(id, QueueItem.builder().itemId(id).batchId(batch).sessionId("session-" + id.value())
          .status(QueueItemStatus.PENDING).statusText("pending").graph(request.graph().toJson()).build());
    }
    return EnqueueResult.builder().queueId("default").batchId(batch).enqueued(ids.size())
        .requested(ids.size()).priority(0).itemIds(ids).build();
  }

  public void start(QueueItemId id) {
    move(id, QueueItemStatus.IN_PROGRESS, Map.of(), true);
  }

  /** Completes the item: {@code imageNode} produced {@code imageName}. Emits the event when {@code emit}. */
  public void complete(QueueItemId id, String imageNode, String imageName, boolean emit) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("type", "image_output");
    result.putObject("image").put("image_name", imageName);
    result.put("width", 64);
    result.put("height", 64);
    move(id, QueueItemStatus.COMPLETED, Map.of(imageNode, result), emit);
  }

  public void fail(QueueItemId id) {
    move(id, QueueItemStatus.FAILED, Map.of(), true);
  }

  public void progress(QueueItemId id, String nodeId, double fraction) {
    QueueItem item = find(id).orElseThrow();
    events.emit(InvocationProgress.builder().name("invocation_progress").raw(JsonNodeFactory.instance.objectNode())
        .item(id).batchId(item.batchId()).sessionId(item.sessionId().orElseThrow()).sourceNodeId(nodeId)
        .preparedNodeId(nodeId + "-p").nodeType("denoise_latents").message("Denoising").percentage(fraction).build());
  }

  private void move(QueueItemId id, QueueItemStatus status, Map<String, JsonNode> results, boolean emit) {
    QueueItem moved;
    synchronized (this) {
      QueueItem item = items.get(id);
      QueueItem.Builder builder = QueueItem.builder().from(item).status(status).statusText(status.wire());
      results.forEach((node, result) -> builder.putResults(node + "-p", result)
          .putPreparedSourceMapping(node + "-p", node).putSourcePreparedMapping(node, List.of(node + "-p")));
      moved = builder.build();
      items.put(id, moved);
    }
    if (emit) {
      events.emit(QueueItemStatusChanged.builder().name("queue_item_status_changed")
          .raw(JsonNodeFactory.instance.objectNode()).item(id).batchId(moved.batchId()).status(status)
          .statusText(status.wire()).sessionId(moved.sessionId()).build());
    }
  }

  @Override
  public synchronized Optional<QueueItem> find(QueueItemId id) {
    return Optional.ofNullable(items.get(id));
  }

  @Override
  public synchronized List<QueueItem> list(List<QueueItemId> ids) {
    listCalls.add(List.copyOf(ids));
    if (unreachableReads > 0) {
      unreachableReads--;
      throw new io.invoke4j.domain.InvokeTransportException("POST items_by_ids failed: Connection refused",
          new java.net.ConnectException("Connection refused"));
    }
    return ids.stream().filter(items::containsKey).map(items::get).toList();
  }

  @Override
  public synchronized List<QueueItem> listAll() {
    return List.copyOf(items.values());
  }

  @Override
  public synchronized List<QueueItemId> itemIdsOf(BatchId batch) {
    return items.values().stream().filter(i -> i.batchId().equals(batch)).map(QueueItem::itemId).toList();
  }

  @Override
  public QueueStatus status() {
    throw new UnsupportedOperationException();
  }

  @Override
  public BatchStatus batchStatus(BatchId batch) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized Optional<QueueItem> current() {
    return items.values().stream().filter(i -> i.status() == QueueItemStatus.IN_PROGRESS).findFirst();
  }

  @Override
  public synchronized Optional<QueueItem> next() {
    return items.values().stream().filter(i -> i.status() == QueueItemStatus.PENDING).findFirst();
  }

  @Override
  public QueueItem cancel(QueueItemId id) {
    move(id, QueueItemStatus.CANCELED, Map.of(), true);
    return find(id).orElseThrow();
  }

  @Override
  public int cancelBatches(List<BatchId> batches) {
    List<QueueItemId> open;
    synchronized (this) {
      open = items.values().stream().filter(i -> batches.contains(i.batchId()) && !i.isTerminal())
          .map(QueueItem::itemId).toList();
    }
    open.forEach(this::cancel);
    return open.size();
  }

  @Override
  public int cancelAllExceptCurrent() {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized void delete(QueueItemId id) {
    items.remove(id);
  }

  @Override
  public synchronized int clear() {
    int n = items.size();
    items.clear();
    return n;
  }

  @Override
  public int prune() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<QueueItemId> retry(List<QueueItemId> ids) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void pauseProcessor() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void resumeProcessor() {
    throw new UnsupportedOperationException();
  }
}
