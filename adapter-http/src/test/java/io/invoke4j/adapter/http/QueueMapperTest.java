package io.invoke4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.queue.BatchFieldValue;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.BatchStatus;
import io.invoke4j.domain.queue.QueueCounts;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.QueueStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueMapperTest {
  private static final String N1 = "e2968b9e-b919-42ad-91b4-b633f54d7af4";
  private static final String N2 = "e4843dbf-2173-4648-acbf-3d994d1127bf";

  @Test
  void readsACompletedItemWithResultsAndMappings() {
    JsonNode json = Fixtures.json("queue-item-completed.json");
    QueueItem item = HttpQueueGateway.readQueueItem(json);

    assertThat(item.itemId()).isEqualTo(QueueItemId.of(1));
    assertThat(item.batchId()).isEqualTo(BatchId.of("ah-fixture-ok-1"));
    assertThat(item.sessionId()).contains("7154c7d2-7820-411e-b50e-f7ef292262f9");
    assertThat(item.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(item.statusText()).isEqualTo("completed");
    assertThat(item.queueId()).isEqualTo("default");
    assertThat(item.origin()).contains("invoke4j-test");
    assertThat(item.destination()).contains("gallery");
    assertThat(item.createdAt()).contains(Instant.parse("2026-11-28T23:04:48.052Z"));
    assertThat(item.startedAt()).contains(Instant.parse("2026-11-28T23:04:48.054Z"));
    assertThat(item.completedAt()).contains(Instant.parse("2026-11-28T23:04:48.725Z"));
    assertThat(item.errorType()).isEmpty();
    assertThat(item.fieldValues()).containsExactly(BatchFieldValue.builder()
        .nodePath("n1").fieldName("value").value(IntNode.valueOf(2)).build());
    assertThat(item.graph()).isEqualTo(json.at("/session/graph"));
    assertThat(item.executionGraph()).isEqualTo(json.at("/session/execution_graph"));
    assertThat(item.results()).containsOnlyKeys(N1, N2);
    assertThat(item.results().get(N2).path("value").asInt()).isEqualTo(5);
    assertThat(item.sessionErrors()).isEmpty();
    assertThat(item.preparedSourceMapping()).isEqualTo(Map.of(N1, "n1", N2, "n2"));
    assertThat(item.sourcePreparedMapping()).isEqualTo(Map.of("n1", List.of(N1), "n2", List.of(N2)));
    assertThat(item.sourceOf(N2)).isEqualTo("n2");
    assertThat(item.workflow()).isEmpty();
    assertThat(item.raw()).isSameAs(json);
  }

  @Test
  void readsAFailedItemWithItsError() {
    QueueItem item = QueueMapper.toQueueItem(Fixtures.json("queue-item-failed.json"));

    assertThat(item.status()).isEqualTo(QueueItemStatus.FAILED);
    assertThat(item.isTerminal()).isTrue();
    assertThat(item.errorType()).contains("ZeroDivisionError");
    assertThat(item.errorMessage()).contains("division by zero");
    assertThat(item.errorTraceback()).hasValueSatisfying(t -> assertThat(t).startsWith("Traceback"));
    assertThat(item.sessionErrors()).hasSize(1);
    assertThat(item.sessionErrors().values()).singleElement().asString()
        .contains("division by zero");
    assertThat(item.fieldValues()).isEmpty();
  }

  @Test
  void keepsAnUnknownStatusSpelling() {
    ObjectNode json = Fixtures.MAPPER.createObjectNode()
        .put("item_id", 7).put("batch_id", "b").put("status", "hibernating");
    QueueItem item = QueueMapper.toQueueItem(json);
    assertThat(item.status()).isEqualTo(QueueItemStatus.UNKNOWN);
    assertThat(item.statusText()).isEqualTo("hibernating");
    assertThat(item.graph().isEmpty()).isTrue();
    assertThat(item.results()).isEmpty();
  }

  @Test
  void treatsNullLikeAbsent() {
    ObjectNode json = Fixtures.MAPPER.createObjectNode()
        .put("item_id", 7).put("batch_id", "b").put("status", "pending");
    json.putNull("session_id");
    json.putNull("workflow");
    json.putNull("session");
    json.putNull("field_values");
    json.putNull("created_at");
    QueueItem item = QueueMapper.toQueueItem(json);
    assertThat(item.sessionId()).isEmpty();
    assertThat(item.workflow()).isEmpty();
    assertThat(item.createdAt()).isEmpty();
  }

  @Test
  void rejectsJsonWithoutAnItemId() {
    assertThatThrownBy(() -> QueueMapper.toQueueItem(Fixtures.parse("{\"status\":\"pending\"}")))
        .isInstanceOf(InvokeProtocolException.class);
  }

  @Test
  void readsTheQueueStatus() {
    QueueStatus status = QueueMapper.toQueueStatus(Fixtures.json("queue-status.json"));
    assertThat(status.queueId()).isEqualTo("default");
    assertThat(status.counts()).isEqualTo(QueueCounts.builder().pending(0).inProgress(0).waiting(0)
        .completed(2).failed(0).canceled(0).total(2).build());
    assertThat(status.currentItemId()).isEmpty();
    assertThat(status.currentBatchId()).isEmpty();
    assertThat(status.processorStarted()).isTrue();
    assertThat(status.processorProcessing()).isFalse();
    assertThat(status.isBusy()).isFalse();
  }

  @Test
  void readsTheBatchStatus() {
    BatchStatus status =
        QueueMapper.toBatchStatus(Fixtures.json("batch-status.json"), BatchId.of("asked"));
    assertThat(status.batchId()).isEqualTo(BatchId.of("ah-fixture-ok-1"));
    assertThat(status.origin()).contains("invoke4j-test");
    assertThat(status.destination()).contains("gallery");
    assertThat(status.counts().completed()).isEqualTo(2);
    assertThat(status.counts().total()).isEqualTo(2);
  }

  @Test
  void readsTimestampsInEveryShapeTheServerWrites() {
    assertThat(Json.parseInstant("2026-11-28 23:05:24"))
        .contains(Instant.parse("2026-11-28T23:05:24Z")); // SQLite drops .000 after an update
    assertThat(Json.parseInstant("2026-11-28 23:05:24.5"))
        .contains(Instant.parse("2026-11-28T23:05:24.500Z"));
    assertThat(Json.parseInstant("2026-08-19T01:13:04.123000"))
        .contains(Instant.parse("2026-08-19T01:13:04.123Z"));
    assertThat(Json.parseInstant("2026-08-19T01:13:04+02:00"))
        .contains(Instant.parse("2026-08-18T23:13:04Z"));
    assertThat(Json.parseInstant("1787000000")).contains(Instant.ofEpochSecond(1787000000));
    assertThat(Json.parseInstant("yesterday")).isEmpty();
  }
}
