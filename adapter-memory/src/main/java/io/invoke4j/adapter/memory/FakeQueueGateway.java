package io.invoke4j.adapter.memory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.EnqueueProblem;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.event.BatchEnqueued;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.event.QueueCleared;
import io.invoke4j.domain.event.QueueItemStatusChanged;
import io.invoke4j.domain.event.QueueItemsCanceled;
import io.invoke4j.domain.queue.BatchDatum;
import io.invoke4j.domain.queue.BatchFieldValue;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.BatchStatus;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.QueueCounts;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.QueueStatus;
import io.invoke4j.ports.QueueGateway;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The in-memory session queue of a {@link MemoryInvokeAI}: item ids ascending from 1, batch data
 * expanded as InvokeAI 6.14 does (zip inside a group, product over groups with the first group
 * outermost, the whole repeated per run), the body validated as the server's pydantic models would.
 */
public final class FakeQueueGateway implements QueueGateway {
  private static final String QUEUE = "default";

  private final MemoryInvokeAI server;

  FakeQueueGateway(MemoryInvokeAI server) {
    this.server = server;
  }

  @Override
  public EnqueueResult enqueue(EnqueueRequest request) {
    requireNonNull(request, "request == null");
    List<EnqueueProblem> problems = server.catalog.validate(request.graph().toJson());
    if (!problems.isEmpty()) {
      throw new EnqueueRejectedException("POST", "/api/v1/queue/default/enqueue_batch",
          problems.stream().map(EnqueueProblem::describe).collect(Collectors.joining("; ")), problems);
    }
    BatchId batch = request.batchId().orElseGet(() -> BatchId.of(server.newId()));
    List<List<BatchFieldValue>> sessions = expand(request.data().groups());
    List<QueueItemId> ids = new ArrayList<>();
    InvokeEvent event;
    synchronized (server.lock) {
      int priority = request.prepend()
          ? server.items.values().stream().mapToInt(i -> i.priority).max().orElse(0) + 1 : 0;
      for (int run = 0; run < request.runs(); run++) {
        for (List<BatchFieldValue> values : sessions) {
          ObjectNode graph = sessionGraph(request.graph().toJson(), values);
          long id = server.nextItemId++;
          server.items.put(id, new Item(id, batch, request.origin(), request.destination(), priority,
              server.newId(), graph, values, request.workflow().map(JsonNode::deepCopy), server.now(),
              Optional.empty()));
          ids.add(QueueItemId.of(id));
        }
      }
      ObjectNode raw = JsonNodeFactory.instance.objectNode();
      raw.put("queue_id", QUEUE).put("batch_id", batch.value()).put("enqueued", ids.size())
          .put("requested", ids.size()).put("priority", priority).put("origin", request.origin());
      event = BatchEnqueued.builder().name("batch_enqueued").raw(raw).batchId(batch).enqueued(ids.size())
          .requested(ids.size()).origin(request.origin()).build();
      server.wake();
    }
    server.emit(event);
    return EnqueueResult.builder().queueId(QUEUE).batchId(batch).enqueued(ids.size())
        .requested(request.expectedSessions()).priority(request.prepend() ? 1 : 0).itemIds(ids).build();
  }

  /** One list of field values per session of one run. */
  private static List<List<BatchFieldValue>> expand(List<List<BatchDatum>> groups) {
    List<List<BatchFieldValue>> sessions = new ArrayList<>();
    sessions.add(List.of());
    for (List<BatchDatum> group : groups) {
      List<List<BatchFieldValue>> next = new ArrayList<>();
      for (List<BatchFieldValue> prefix : sessions) {
        for (int i = 0; i < group.get(0).size(); i++) {
          List<BatchFieldValue> values = new ArrayList<>(prefix);
          for (BatchDatum datum : group) {
            values.add(BatchFieldValue.builder().nodePath(datum.nodePath()).fieldName(datum.fieldName())
                .value(asStored(datum.items().get(i))).build());
          }
          next.add(values);
        }
      }
      sessions = next;
    }
    return sessions;
  }

  /** InvokeAI 6.14.2's batch item union has no bool: a boolean arrives as the float 1.0 or 0.0. */
  private static JsonNode asStored(JsonNode item) {
    return item.isBoolean() ? DoubleNode.valueOf(item.asBoolean() ? 1.0 : 0.0) : item.deepCopy();
  }

  /** The graph with the session's values written in and the node attributes' defaults filled. */
  private static ObjectNode sessionGraph(ObjectNode graph, List<BatchFieldValue> values) {
    Iterator<JsonNode> nodes = graph.path("nodes").elements();
    while (nodes.hasNext()) {
      ObjectNode node = (ObjectNode) nodes.next();
      if (!node.has("is_intermediate")) {
        node.put("is_intermediate", false);
      }
      if (!node.has("use_cache")) {
        node.put("use_cache", true);
      }
    }
    for (BatchFieldValue value : values) {
      JsonNode node = graph.path("nodes").path(value.nodePath());
      if (node.isObject()) {
        ((ObjectNode) node).set(value.fieldName(), value.value().deepCopy());
      }
    }
    return graph;
  }

  @Override
  public Optional<QueueItem> find(QueueItemId id) {
    synchronized (server.lock) {
      return Optional.ofNullable(server.items.get(id.value())).map(Item::toQueueItem);
    }
  }

  @Override
  public List<QueueItem> list(List<QueueItemId> ids) {
    synchronized (server.lock) {
      List<QueueItem> found = new ArrayList<>();
      for (QueueItemId id : ids) {
        Item item = server.items.get(id.value());
        if (item != null) {
          found.add(item.toQueueItem());
        }
      }
      return found;
    }
  }

  @Override
  public List<QueueItem> listAll() {
    synchronized (server.lock) {
      return server.items.values().stream().map(Item::toQueueItem).collect(Collectors.toList());
    }
  }

  @Override
  public List<QueueItemId> itemIdsOf(BatchId batch) {
    synchronized (server.lock) {
      return server.items.values().stream().filter(i -> i.batchId.equals(batch)).map(i -> QueueItemId.of(i.id))
          .collect(Collectors.toList());
    }
  }

  @Override
  public QueueStatus status() {
    synchronized (server.lock) {
      Item current = server.current == null ? null : server.items.get(server.current);
      return QueueStatus.builder().queueId(QUEUE).counts(counts(server.items.values()))
          .currentItemId(Optional.ofNullable(current).map(i -> QueueItemId.of(i.id)))
          .currentBatchId(Optional.ofNullable(current).map(i -> i.batchId))
          .processorStarted(server.processorStarted).processorProcessing(current != null).build();
    }
  }

  @Override
  public BatchStatus batchStatus(BatchId batch) {
    synchronized (server.lock) {
      List<Item> of = server.items.values().stream().filter(i -> i.batchId.equals(batch)).collect(Collectors.toList());
      return BatchStatus.builder().queueId(QUEUE).batchId(batch)
          .origin(of.stream().findFirst().map(i -> i.origin))
          .destination(of.stream().findFirst().map(i -> i.destination))
          .counts(counts(of)).build();
    }
  }

  private static QueueCounts counts(Collection<Item> items) {
    int[] by = new int[QueueItemStatus.values().length];
    items.forEach(i -> by[i.status.ordinal()]++);
    return QueueCounts.builder().pending(by[QueueItemStatus.PENDING.ordinal()])
        .inProgress(by[QueueItemStatus.IN_PROGRESS.ordinal()]).waiting(by[QueueItemStatus.WAITING.ordinal()])
        .completed(by[QueueItemStatus.COMPLETED.ordinal()]).failed(by[QueueItemStatus.FAILED.ordinal()])
        .canceled(by[QueueItemStatus.CANCELED.ordinal()]).total(items.size()).build();
  }

  @Override
  public Optional<QueueItem> current() {
    synchronized (server.lock) {
      return Optional.ofNullable(server.current).map(server.items::get).map(Item::toQueueItem);
    }
  }

  /** The oldest pending item (the in-memory queue has no priorities). */
  @Override
  public Optional<QueueItem> next() {
    synchronized (server.lock) {
      return server.items.values().stream().filter(i -> i.status == QueueItemStatus.PENDING).findFirst()
          .map(Item::toQueueItem);
    }
  }

  @Override
  public QueueItem cancel(QueueItemId id) {
    InvokeEvent event = null;
    QueueItem result;
    synchronized (server.lock) {
      Item item = server.items.get(id.value());
      if (item == null) {
        throw notFound("PUT", "/api/v1/queue/default/i/" + id.value() + "/cancel", id);
      }
      if (!item.status.isTerminal()) {
        markCanceled(item);
        event = statusChanged(item);
      }
      result = item.toQueueItem();
    }
    if (event != null) {
      server.emit(event);
    }
    return result;
  }

  private void markCanceled(Item item) {
    item.status = QueueItemStatus.CANCELED;
    item.completedAt = server.now();
    item.updatedAt = item.completedAt;
    server.finished(item);
  }

  @Override
  public int cancelBatches(List<BatchId> batches) {
    return cancelWhere(i -> batches.contains(i.batchId));
  }

  @Override
  public int cancelAllExceptCurrent() {
    return cancelWhere(i -> i.status != QueueItemStatus.IN_PROGRESS);
  }

  private int cancelWhere(java.util.function.Predicate<Item> which) {
    List<QueueItemId> canceled = new ArrayList<>();
    synchronized (server.lock) {
      for (Item item : server.items.values()) {
        if (!item.status.isTerminal() && which.test(item)) {
          markCanceled(item);
          canceled.add(QueueItemId.of(item.id));
        }
      }
    }
    if (!canceled.isEmpty()) {
      ObjectNode raw = JsonNodeFactory.instance.objectNode().put("queue_id", QUEUE);
      canceled.forEach(id -> raw.withArray("canceled_item_ids").add(id.value()));
      server.emit(QueueItemsCanceled.builder().name("queue_items_canceled").raw(raw).canceledItemIds(canceled).build());
    }
    return canceled.size();
  }

  @Override
  public void delete(QueueItemId id) {
    synchronized (server.lock) {
      Item item = server.items.remove(id.value());
      if (item == null) {
        throw notFound("DELETE", "/api/v1/queue/default/i/" + id.value(), id);
      }
      if (item.status == QueueItemStatus.IN_PROGRESS) {
        item.status = QueueItemStatus.CANCELED;
        server.finished(item);
      }
    }
  }

  @Override
  public int clear() {
    int deleted;
    synchronized (server.lock) {
      deleted = server.items.size();
      server.items.values().forEach(i -> {
        if (!i.status.isTerminal()) {
          i.status = QueueItemStatus.CANCELED;
        }
      });
      server.items.clear();
      server.current = null;
      server.wake();
    }
    ObjectNode raw = JsonNodeFactory.instance.objectNode().put("queue_id", QUEUE);
    raw.putNull("user_id");
    server.emit(QueueCleared.builder().name("queue_cleared").raw(raw).queueId(QUEUE).build());
    return deleted;
  }

  @Override
  public int prune() {
    synchronized (server.lock) {
      int before = server.items.size();
      server.items.values().removeIf(i -> i.status.isTerminal());
      return before - server.items.size();
    }
  }

  @Override
  public List<QueueItemId> retry(List<QueueItemId> ids) {
    List<QueueItemId> retried = new ArrayList<>();
    synchronized (server.lock) {
      for (QueueItemId id : ids) {
        Item item = server.items.get(id.value());
        if (item != null && (item.status == QueueItemStatus.FAILED || item.status == QueueItemStatus.CANCELED)) {
          long newId = server.nextItemId++;
          server.items.put(newId, item.retry(newId, server.newId(), server.now()));
          retried.add(id);
        }
      }
      server.wake();
    }
    return retried;
  }

  @Override
  public void pauseProcessor() {
    synchronized (server.lock) {
      server.processorStarted = false;
    }
  }

  @Override
  public void resumeProcessor() {
    synchronized (server.lock) {
      server.processorStarted = true;
      server.wake();
    }
  }

  /** The {@code queue_item_status_changed} event of the item as it is now. Under the lock. */
  QueueItemStatusChanged statusChanged(Item item) {
    ObjectNode raw = JsonNodeFactory.instance.objectNode();
    raw.put("queue_id", QUEUE).put("item_id", item.id).put("batch_id", item.batchId.value())
        .put("origin", item.origin).put("destination", item.destination).put("user_id", "system")
        .put("session_id", item.sessionId).put("status", item.status.wire());
    raw.put("error_type", item.errorType).put("error_message", item.errorMessage)
        .put("error_traceback", item.errorTraceback);
    List<Item> batch = server.items.values().stream().filter(i -> i.batchId.equals(item.batchId))
        .collect(Collectors.toList());
    return QueueItemStatusChanged.builder().name("queue_item_status_changed").raw(raw)
        .item(QueueItemId.of(item.id)).batchId(item.batchId).status(item.status).statusText(item.status.wire())
        .sessionId(item.sessionId).errorType(Optional.ofNullable(item.errorType))
        .errorMessage(Optional.ofNullable(item.errorMessage)).errorTraceback(Optional.ofNullable(item.errorTraceback))
        .startedAt(Optional.ofNullable(item.startedAt)).completedAt(Optional.ofNullable(item.completedAt))
        .batchCounts(counts(batch)).build();
  }

  private static InvokeHttpException notFound(String method, String path, QueueItemId id) {
    return new InvokeHttpException(404, method, path,
        "{\"detail\":\"Queue item with id " + id.value() + " not found in queue default\"}");
  }
}
