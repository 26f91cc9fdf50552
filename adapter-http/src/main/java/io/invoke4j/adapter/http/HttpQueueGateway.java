package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.BatchStatus;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.QueueStatus;
import io.invoke4j.ports.QueueGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link QueueGateway} over {@code /api/v1/queue/{queue_id}} of the queue id in the {@link
 * HttpSettings}.
 *
 * <p>Every method may throw {@link InvokeHttpException} on an error status, {@link
 * InvokeTransportException} when the server cannot be reached and {@link InvokeProtocolException}
 * when its answer cannot be read. Thread-safe.
 */
public final class HttpQueueGateway implements QueueGateway {
  private static final Logger log = LoggerFactory.getLogger(HttpQueueGateway.class);
  /** The server's limit for {@code items_by_ids} and {@code item_summaries_by_ids}. */
  private static final int MAX_IDS_PER_REQUEST = 1000;
  private static final Set<Integer> OUTCOME_UNKNOWN_STATUSES = Set.of(502, 503, 504);

  private final InvokeHttp http;
  private final String queuePath;
  private final List<Duration> settlePauses;
  /** The last enqueue body's size: the next body's array starts at about that size. */
  private volatile int enqueueSizeHint = 16 * 1024;

  /** A gateway over {@code http}'s server and queue id. */
  public HttpQueueGateway(InvokeHttp http) {
    this(http, SETTLE_PAUSES);
  }

  /** With other pauses between the looks at a batch whose send had an unknown outcome (tests). */
  HttpQueueGateway(InvokeHttp http, List<Duration> settlePauses) {
    this.http = requireNonNull(http, "http == null");
    this.queuePath = "api/v1/queue/" + InvokeHttp.seg(http.queueId()) + "/";
    this.settlePauses = List.copyOf(settlePauses);
  }

  /**
   * Reads a queue item recorded from the server (e.g. a captured JSON file of {@code GET
   * /api/v1/queue/{queue_id}/i/{item_id}}), tolerating absent and {@code null} members alike.
   *
   * @throws InvokeProtocolException when {@code json} is not a queue item (no {@code item_id} or
   *     {@code batch_id})
   */
  public static QueueItem readQueueItem(JsonNode json) {
    return QueueMapper.toQueueItem(requireNonNull(json, "json == null"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A request without a batch id gets a random one first, so that the batch can be looked up
   * when the outcome of the send is unknown (the connection dropped after sending, the response
   * timed out, or a 502/503/504 came back): if the server has items of the batch, the result is
   * built from them; if it has none, the request is sent once more (a batch is never sent a third
   * time). A connection that could not be opened sent nothing and is retried per the
   * {@link RetryPolicy}. The result's {@link EnqueueResult#raw()} is then the batch status.
   */
  @Override
  public EnqueueResult enqueue(EnqueueRequest request) {
    requireNonNull(request, "request == null");
    EnqueueRequest sent = request.batchId().isPresent()
        ? request
        : request.withBatchId(BatchId.of(UUID.randomUUID().toString()));
    BatchId batchId = sent.batchId().orElseThrow();
    ObjectNode body = sent.toWireJson();
    for (int attempt = 1; ; attempt++) {
      InvokeException unknown;
      InvokeHttp.Request post = http.request("POST", queuePath + "enqueue_batch");
      enqueueSizeHint = post.json(body, enqueueSizeHint).length();
      try {
        InvokeHttp.Response response = post.exchange();
        if (response.isSuccess()) {
          return QueueMapper.toEnqueueResult(response.json(), batchId);
        }
        if (response.status() == 422) {
          throw rejected(post, response);
        }
        if (!OUTCOME_UNKNOWN_STATUSES.contains(response.status())) {
          throw response.failure();
        }
        unknown = response.failure();
      } catch (InvokeTransportException e) {
        if (InvokeHttp.isConnectFailure(e.getCause())) {
          throw e; // never connected: nothing was sent
        }
        unknown = e;
      }
      log.warn("enqueue of batch {} has an unknown outcome ({}); looking the batch up",
          batchId.value(), unknown.getMessage());
      Optional<EnqueueResult> found;
      try {
        found = recoverAfterSettling(batchId, sent);
      } catch (InvokeException lookupFailure) {
        unknown.addSuppressed(lookupFailure);
        throw unknown;
      }
      if (found.isPresent()) {
        return found.get();
      }
      if (attempt >= 2) {
        throw unknown;
      }
      log.warn("batch {} is not on the server; sending it once more", batchId.value());
    }
  }

  private EnqueueRejectedException rejected(InvokeHttp.Request post, InvokeHttp.Response response) {
    JsonNode json;
    try {
      json = response.json();
    } catch (InvokeProtocolException e) {
      json = http.mapper().createObjectNode();
    }
    return new EnqueueRejectedException(post.method(), post.fullPath(), response.detail(),
        QueueMapper.toProblems(json));
  }

  /**
   * Pauses between looks at a batch whose send had an unknown outcome. A request that timed out may
   * still be inserting its items on the server (InvokeAI writes a batch in one transaction, so it
   * shows all or none), and resending while it does would enqueue the batch twice; a few looks
   * spread over a few seconds give such a request time to land before deciding it never arrived.
   */
  private static final List<Duration> SETTLE_PAUSES =
      List.of(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));

  private Optional<EnqueueResult> recoverAfterSettling(BatchId batchId, EnqueueRequest sent) {
    for (Duration pause : settlePauses) {
      if (!pause.isZero()) {
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InvokeTransportException("interrupted while looking up batch " + batchId.value(), e);
        }
      }
      Optional<EnqueueResult> found = recover(batchId, sent);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The batch as the server has it, when it has any item of it. */
  private Optional<EnqueueResult> recover(BatchId batchId, EnqueueRequest sent) {
    BatchStatus status = batchStatus(batchId);
    int total = status.counts().total();
    if (total == 0) {
      return Optional.empty();
    }
    List<QueueItemId> ids = scanIds(s -> batchId.value().equals(s.path("batch_id").asText()), total);
    int priority = ids.isEmpty() ? 0
        : find(ids.get(0)).map(i -> i.raw().path("priority").asInt(0)).orElse(0);
    log.warn("batch {} was enqueued before the failure: {} items", batchId.value(), ids.size());
    return Optional.of(EnqueueResult.builder()
        .queueId(status.queueId())
        .batchId(batchId)
        .enqueued(ids.size())
        .requested(sent.expectedSessions())
        .priority(priority)
        .itemIds(ids)
        .raw(status.raw())
        .build());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<QueueItem> find(QueueItemId id) {
    requireNonNull(id, "id == null");
    return http.get(queuePath + "i/" + id.value()).findJson().map(QueueMapper::toQueueItem);
  }

  /** {@inheritDoc} Asks in chunks of 1000, the server's limit. */
  @Override
  public List<QueueItem> list(List<QueueItemId> ids) {
    requireNonNull(ids, "ids == null");
    List<QueueItem> items = new ArrayList<>();
    for (List<Long> chunk : chunks(ids.stream().map(QueueItemId::value).toList())) {
      items.addAll(QueueMapper.toQueueItems(
          idsRequest("items_by_ids", chunk).sendJson()));
    }
    return items;
  }

  /** {@inheritDoc} */
  @Override
  public List<QueueItem> listAll() {
    List<QueueItem> items =
        new ArrayList<>(QueueMapper.toQueueItems(http.get(queuePath + "list_all").sendJson()));
    items.sort(Comparator.comparingLong(i -> i.itemId().value()));
    return items;
  }

  /**
   * {@inheritDoc}
   *
   * <p>InvokeAI 6.14.2 has no route for this: the batch's status gives its size, then the item
   * summaries of the queue's ids are read newest first until that many items of the batch are found.
   */
  @Override
  public List<QueueItemId> itemIdsOf(BatchId batch) {
    requireNonNull(batch, "batch == null");
    int total = batchStatus(batch).counts().total();
    if (total == 0) {
      return List.of();
    }
    return scanIds(s -> batch.value().equals(s.path("batch_id").asText()), total);
  }

  /** {@inheritDoc} Reads item summaries, not whole items. */
  @Override
  public List<QueueItemId> itemIdsWith(QueueItemStatus status) {
    requireNonNull(status, "status == null");
    return scanIds(s -> QueueItemStatus.fromWire(s.path("status").asText(null)) == status,
        Integer.MAX_VALUE);
  }

  /** The ids (ascending) of the summaries matching {@code wanted}, scanning newest first. */
  private List<QueueItemId> scanIds(Predicate<JsonNode> wanted, int enough) {
    JsonNode idsJson = Json.member(http.get(queuePath + "item_ids").sendJson(), "item_ids");
    List<Long> all = new ArrayList<>();
    if (idsJson != null && idsJson.isArray()) {
      idsJson.forEach(id -> all.add(id.asLong()));
    }
    // item_ids ignores order_dir in 6.14.2 (it sorts by priority and status): sort ourselves
    all.sort(Comparator.reverseOrder());
    List<QueueItemId> found = new ArrayList<>();
    for (List<Long> chunk : chunks(all)) {
      JsonNode summaries = idsRequest("item_summaries_by_ids", chunk).sendJson();
      for (JsonNode summary : summaries) {
        if (wanted.test(summary)) {
          found.add(QueueItemId.of(summary.path("item_id").asLong()));
        }
      }
      if (found.size() >= enough) {
        break;
      }
    }
    found.sort(Comparator.comparingLong(QueueItemId::value));
    return found;
  }

  private InvokeHttp.Request idsRequest(String route, List<Long> ids) {
    ObjectNode body = http.mapper().createObjectNode();
    ArrayNode array = body.putArray("item_ids");
    ids.forEach(array::add);
    return http.request("POST", queuePath + route).json(body).readOnly();
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += MAX_IDS_PER_REQUEST) {
      chunks.add(all.subList(i, Math.min(all.size(), i + MAX_IDS_PER_REQUEST)));
    }
    return chunks;
  }

  /** {@inheritDoc} */
  @Override
  public QueueStatus status() {
    return QueueMapper.toQueueStatus(http.get(queuePath + "status").sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public BatchStatus batchStatus(BatchId batch) {
    requireNonNull(batch, "batch == null");
    return QueueMapper.toBatchStatus(
        http.get(queuePath + "b/" + InvokeHttp.seg(batch.value()) + "/status").sendJson(), batch);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<QueueItem> current() {
    JsonNode json = http.get(queuePath + "current").sendJson();
    return json.isNull() ? Optional.empty() : Optional.of(QueueMapper.toQueueItem(json));
  }

  /** {@inheritDoc} */
  @Override
  public Optional<QueueItem> next() {
    JsonNode json = http.get(queuePath + "next").sendJson();
    return json.isNull() ? Optional.empty() : Optional.of(QueueMapper.toQueueItem(json));
  }

  /** {@inheritDoc} */
  @Override
  public QueueItem cancel(QueueItemId id) {
    requireNonNull(id, "id == null");
    return QueueMapper.toQueueItem(
        http.request("PUT", queuePath + "i/" + id.value() + "/cancel").sendJson());
  }

  /** {@inheritDoc} An empty list sends nothing and returns 0. */
  @Override
  public int cancelBatches(List<BatchId> batches) {
    requireNonNull(batches, "batches == null");
    if (batches.isEmpty()) {
      return 0;
    }
    ObjectNode body = http.mapper().createObjectNode();
    ArrayNode array = body.putArray("batch_ids");
    batches.forEach(b -> array.add(b.value()));
    return Json.integer(
        http.request("PUT", queuePath + "cancel_by_batch_ids").json(body).sendJson(), "canceled");
  }

  /** {@inheritDoc} */
  @Override
  public int cancelAllExceptCurrent() {
    return Json.integer(
        http.request("PUT", queuePath + "cancel_all_except_current").sendJson(), "canceled");
  }

  /** {@inheritDoc} */
  @Override
  public void delete(QueueItemId id) {
    requireNonNull(id, "id == null");
    http.request("DELETE", queuePath + "i/" + id.value()).send();
  }

  /** {@inheritDoc} */
  @Override
  public int clear() {
    return Json.integer(http.request("PUT", queuePath + "clear").sendJson(), "deleted");
  }

  /** {@inheritDoc} */
  @Override
  public int prune() {
    return Json.integer(http.request("PUT", queuePath + "prune").sendJson(), "deleted");
  }

  /**
   * {@inheritDoc} Never repeated after a 502-504: each retry inserts new copies. An empty list
   * sends nothing.
   */
  @Override
  public List<QueueItemId> retry(List<QueueItemId> ids) {
    requireNonNull(ids, "ids == null");
    if (ids.isEmpty()) {
      return List.of();
    }
    ArrayNode body = http.mapper().createArrayNode(); // a bare array, not {"item_ids": [...]}
    ids.forEach(id -> body.add(id.value()));
    JsonNode json = http.request("PUT", queuePath + "retry_items_by_id").json(body)
        .notIdempotent().sendJson();
    return QueueMapper.ascendingIds(Json.member(json, "retried_item_ids"));
  }

  /** {@inheritDoc} */
  @Override
  public void pauseProcessor() {
    http.request("PUT", queuePath + "processor/pause").send();
  }

  /** {@inheritDoc} */
  @Override
  public void resumeProcessor() {
    http.request("PUT", queuePath + "processor/resume").send();
  }
}
