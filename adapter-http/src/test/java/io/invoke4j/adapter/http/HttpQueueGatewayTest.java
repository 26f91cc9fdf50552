package io.invoke4j.adapter.http;

import static io.invoke4j.adapter.http.Fixtures.fixture;
import static io.invoke4j.adapter.http.Fixtures.json;
import static io.invoke4j.adapter.http.Fixtures.ok;
import static io.invoke4j.adapter.http.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.EnqueueProblem;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.Graph;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpQueueGatewayTest {
  @StartStop MockWebServer server = new MockWebServer();

  private InvokeHttp http;
  private HttpQueueGateway queue;

  @BeforeEach
  void open() {
    http = InvokeHttp.create(settings(server).responseTimeout(Duration.ofMillis(500)).build());
    // four looks at an unknown outcome, as in production, without the pauses between them
    queue = new HttpQueueGateway(http, java.util.Collections.nCopies(4, java.time.Duration.ZERO));
  }

  @AfterEach
  void close() {
    http.close();
  }

  private static EnqueueRequest request(String batchId) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode nodes = f.objectNode();
    nodes.putObject("n1").put("id", "n1").put("type", "integer").put("value", 2);
    EnqueueRequest.Builder builder = EnqueueRequest.builder()
        .graph(Graph.of("g-1", nodes, f.arrayNode())).origin("invoke4j-test");
    if (batchId != null) {
      builder.batchId(BatchId.of(batchId));
    }
    return builder.build();
  }

  @Test
  void enqueueSendsTheRequestBodyAndReturnsAscendingItemIds() throws InterruptedException {
    server.enqueue(fixture("enqueue-result.json"));
    EnqueueRequest request = request("ah-fixture-ok-1");

    EnqueueResult result = queue.enqueue(request);

    assertThat(result.batchId()).isEqualTo(BatchId.of("ah-fixture-ok-1"));
    assertThat(result.queueId()).isEqualTo("default");
    assertThat(result).extracting(EnqueueResult::enqueued, EnqueueResult::requested,
        EnqueueResult::priority).containsExactly(2, 2, 0);
    assertThat(result.itemIds()).containsExactly(QueueItemId.of(1), QueueItemId.of(2));
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getTarget()).isEqualTo("/api/v1/queue/default/enqueue_batch");
    assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(Fixtures.parse(recorded.getBody().utf8())).isEqualTo(request.toJson());
  }

  @Test
  void enqueueSetsABatchIdWhenTheRequestHasNone() throws InterruptedException {
    server.enqueue(fixture("enqueue-result.json"));
    queue.enqueue(request(null));
    JsonNode body = Fixtures.parse(server.takeRequest().getBody().utf8());
    assertThat(body.path("batch").path("batch_id").asText()).matches("[0-9a-f-]{36}");
  }

  @Test
  void enqueueIsNotResentWhenTheBatchArrivedBeforeTheConnectionDropped()
      throws InterruptedException {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(fixture("batch-status.json"));
    server.enqueue(ok("{\"item_ids\":[1,9,2],\"total_count\":3}"));
    server.enqueue(ok(summaries()));
    server.enqueue(fixture("queue-item-completed.json"));

    EnqueueResult result = queue.enqueue(request("ah-fixture-ok-1"));

    assertThat(result.itemIds()).containsExactly(QueueItemId.of(1), QueueItemId.of(2));
    assertThat(result.enqueued()).isEqualTo(2);
    assertThat(result.requested()).isEqualTo(1);
    assertThat(result.batchId()).isEqualTo(BatchId.of("ah-fixture-ok-1"));
    assertThat(server.takeRequest().getTarget()).endsWith("/enqueue_batch");
    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/api/v1/queue/default/b/ah-fixture-ok-1/status");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/queue/default/item_ids");
    RecordedRequest summaries = server.takeRequest();
    assertThat(summaries.getMethod()).isEqualTo("POST");
    assertThat(summaries.getTarget()).isEqualTo("/api/v1/queue/default/item_summaries_by_ids");
    assertThat(Fixtures.parse(summaries.getBody().utf8()))
        .isEqualTo(Fixtures.parse("{\"item_ids\":[9,2,1]}"));
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/queue/default/i/1");
    assertThat(server.getRequestCount()).isEqualTo(5); // never a second enqueue_batch
  }

  private void batchNotThere(int looks) {
    for (int i = 0; i < looks; i++) {
      server.enqueue(ok(emptyBatchStatus()));
    }
  }

  @Test
  void enqueueIsResentOnceWhenTheBatchIsNotOnTheServer() throws InterruptedException {
    server.enqueue(json(503, "{\"detail\":\"Service Unavailable\"}"));
    batchNotThere(4);
    server.enqueue(fixture("enqueue-result.json"));

    EnqueueResult result = queue.enqueue(request("ah-fixture-ok-1"));

    assertThat(result.itemIds()).containsExactly(QueueItemId.of(1), QueueItemId.of(2));
    RecordedRequest first = server.takeRequest();
    for (int look = 0; look < 4; look++) {
      assertThat(server.takeRequest().getTarget()).endsWith("/b/ah-fixture-ok-1/status");
    }
    RecordedRequest second = server.takeRequest();
    assertThat(second.getTarget()).endsWith("/enqueue_batch");
    assertThat(second.getBody()).isEqualTo(first.getBody());
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void enqueueIsNotResentWhenTheBatchLandsWhileBeingLookedUp() throws InterruptedException {
    // a timed-out request may still be inserting its items: the third look finds them
    server.enqueue(json(504, "{\"detail\":\"Gateway Timeout\"}"));
    batchNotThere(2);
    server.enqueue(fixture("batch-status.json"));
    server.enqueue(ok("{\"item_ids\":[1,9,2],\"total_count\":3}"));
    server.enqueue(ok(summaries()));
    server.enqueue(fixture("queue-item-completed.json"));

    EnqueueResult result = queue.enqueue(request("ah-fixture-ok-1"));

    assertThat(result.itemIds()).containsExactly(QueueItemId.of(1), QueueItemId.of(2));
    assertThat(server.getRequestCount()).isEqualTo(7);
    List<String> targets = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      targets.add(server.takeRequest().getTarget());
    }
    assertThat(targets).filteredOn(t -> t.endsWith("/enqueue_batch")).hasSize(1);
  }

  @Test
  void enqueueIsSentAtMostTwiceWhenBothOutcomesAreUnknown() {
    server.enqueue(json(503, "{\"detail\":\"down\"}"));
    batchNotThere(4);
    server.enqueue(json(503, "{\"detail\":\"still down\"}"));
    batchNotThere(4);

    assertThatThrownBy(() -> queue.enqueue(request("b-1")))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(10);
  }

  @Test
  void enqueueLooksTheBatchUpAfterAResponseTimeout() {
    server.enqueue(new MockResponse.Builder().body("{}").headersDelay(2, TimeUnit.SECONDS).build());
    batchNotThere(4);
    server.enqueue(fixture("enqueue-result.json"));

    assertThat(queue.enqueue(request("ah-fixture-ok-1")).enqueued()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void enqueueIsNeverRetriedBlindlyOn503() throws InterruptedException {
    server.enqueue(json(503, "{\"detail\":\"busy\"}"));
    batchNotThere(4);
    server.enqueue(fixture("enqueue-result.json"));
    queue.enqueue(request("ah-fixture-ok-1"));
    server.takeRequest();
    assertThat(server.takeRequest().getMethod()).isEqualTo("GET"); // the lookup comes first
  }

  @Test
  void enqueueReportsOtherErrorsAtOnce() {
    server.enqueue(json(409, "{\"detail\":\"Image storage maintenance is active\"}"));
    assertThatThrownBy(() -> queue.enqueue(request("b-1")))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void enqueueMapsA422ForAWrongTypedNodeValueToNodeAndField() {
    server.enqueue(json(422, Fixtures.text("enqueue-422-wrong-type.json")));
    assertThatThrownBy(() -> queue.enqueue(request("b-1")))
        .isInstanceOfSatisfying(EnqueueRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.path()).isEqualTo("/api/v1/queue/default/enqueue_batch");
          assertThat(e.problems()).containsExactly(EnqueueProblem.builder()
              .loc(List.of("body", "batch", "graph", "nodes", "n1", "integer", "value"))
              .type("int_parsing")
              .message("Input should be a valid integer, unable to parse string as an integer")
              .nodeId("n1")
              .field("value")
              .build());
          assertThat(e.detail()).doesNotContain("\"input\"");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void enqueueMapsA422ForBatchDataToTheNodeNamedInTheMessage() {
    server.enqueue(json(422, Fixtures.text("enqueue-422-unknown-node.json")));
    assertThatThrownBy(() -> queue.enqueue(request("b-1")))
        .isInstanceOfSatisfying(EnqueueRejectedException.class, e -> assertThat(e.problems())
            .singleElement().satisfies(p -> {
              assertThat(p.loc()).containsExactly("body", "batch");
              assertThat(p.type()).isEqualTo("value_error");
              assertThat(p.nodeId()).contains("nope");
              assertThat(p.field()).isEmpty();
              assertThat(p.inputIndex()).isEmpty();
            }));
  }

  @Test
  void findReturnsEmptyFor404() throws InterruptedException {
    server.enqueue(json(404, "{\"detail\":\"Queue item with id 999999 not found in queue default\"}"));
    assertThat(queue.find(QueueItemId.of(999999))).isEmpty();
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/queue/default/i/999999");
  }

  @Test
  void findReadsTheItem() {
    server.enqueue(fixture("queue-item-completed.json"));
    assertThat(queue.find(QueueItemId.of(1))).get()
        .satisfies(i -> assertThat(i.status()).isEqualTo(QueueItemStatus.COMPLETED));
  }

  @Test
  void cancelOfAnUnknownItemIsA404() {
    server.enqueue(json(404, "{\"detail\":\"Queue item with id 5 not found in queue default\"}"));
    assertThatThrownBy(() -> queue.cancel(QueueItemId.of(5)))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.method()).isEqualTo("PUT");
          assertThat(e.path()).isEqualTo("/api/v1/queue/default/i/5/cancel");
        });
  }

  @Test
  void currentIsEmptyWhenTheServerAnswersNull() {
    server.enqueue(ok("null"));
    assertThat(queue.current()).isEmpty();
  }

  @Test
  void itemIdsOfAnUnknownBatchAsksNothingMore() {
    server.enqueue(ok(emptyBatchStatus()));
    assertThat(queue.itemIdsOf(BatchId.of("nope"))).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void listAsksItemsByIdsInOrder() throws InterruptedException {
    server.enqueue(ok("[" + Fixtures.text("queue-item-failed.json") + ","
        + Fixtures.text("queue-item-completed.json") + "]"));
    assertThat(queue.list(List.of(QueueItemId.of(3), QueueItemId.of(1))))
        .extracting(i -> i.itemId().value()).containsExactly(3L, 1L);
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getTarget()).isEqualTo("/api/v1/queue/default/items_by_ids");
    assertThat(Fixtures.parse(recorded.getBody().utf8()))
        .isEqualTo(Fixtures.parse("{\"item_ids\":[3,1]}"));
  }

  @Test
  void readOnlyPostIsRetriedOn503() {
    server.enqueue(json(503, "{\"detail\":\"busy\"}"));
    server.enqueue(ok("[]"));
    assertThat(queue.list(List.of(QueueItemId.of(1)))).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retrySendsABareArrayAndIsNotRepeatedOn503() throws InterruptedException {
    server.enqueue(ok("{\"queue_id\":\"default\",\"retried_item_ids\":[3]}"));
    assertThat(queue.retry(List.of(QueueItemId.of(3)))).containsExactly(QueueItemId.of(3));
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("PUT");
    assertThat(recorded.getBody().utf8()).isEqualTo("[3]");

    server.enqueue(json(503, "{\"detail\":\"busy\"}"));
    assertThatThrownBy(() -> queue.retry(List.of(QueueItemId.of(3))))
        .isInstanceOf(InvokeHttpException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void cancelBatchesSendsBatchIdsAndReadsTheCount() throws InterruptedException {
    server.enqueue(ok("{\"canceled\":2}"));
    assertThat(queue.cancelBatches(List.of(BatchId.of("a"), BatchId.of("b")))).isEqualTo(2);
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getTarget()).isEqualTo("/api/v1/queue/default/cancel_by_batch_ids");
    assertThat(Fixtures.parse(recorded.getBody().utf8()))
        .isEqualTo(Fixtures.parse("{\"batch_ids\":[\"a\",\"b\"]}"));
    assertThat(queue.cancelBatches(List.of())).isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void statusAndBatchStatusReadRecordedAnswers() {
    server.enqueue(fixture("queue-status.json"));
    server.enqueue(fixture("batch-status.json"));
    assertThat(queue.status().counts().completed()).isEqualTo(2);
    assertThat(queue.batchStatus(BatchId.of("ah-fixture-ok-1")).isDone()).isTrue();
  }

  @Test
  void aConnectFailureOnEnqueueIsReportedWithoutALookup() {
    InvokeHttp closed = InvokeHttp.create(HttpSettings.builder()
        .baseUrl(java.net.URI.create("http://127.0.0.1:1"))
        .retryPolicy(RetryPolicy.none()).build());
    try (closed) {
      assertThatThrownBy(() -> new HttpQueueGateway(closed).enqueue(request("b-1")))
          .isInstanceOf(InvokeTransportException.class);
    }
  }

  private static String emptyBatchStatus() {
    return "{\"queue_id\":\"default\",\"batch_id\":\"x\",\"origin\":null,\"destination\":null,"
        + "\"pending\":0,\"in_progress\":0,\"waiting\":0,\"completed\":0,\"failed\":0,"
        + "\"canceled\":0,\"total\":0}";
  }

  /** Summaries of items 9 (another batch), 2 and 1 (the batch), as item_summaries_by_ids. */
  private static String summaries() {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    array.addObject().put("item_id", 9).put("batch_id", "other").put("status", "pending");
    array.addObject().put("item_id", 2).put("batch_id", "ah-fixture-ok-1").put("status", "completed");
    array.addObject().put("item_id", 1).put("batch_id", "ah-fixture-ok-1").put("status", "completed");
    return array.toString();
  }
}
