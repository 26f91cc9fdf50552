package io.invoke4j.adapter.fs;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run journal says happened, folded from its records:
 * <ul>
 *   <li>{@code begin}: {@code workflow}, {@code requestHash} (what was asked: workflow and values);
 *   <li>{@code enqueuing}: {@code batchId}, written before the request is sent, so a crash during the
 *       send is recovered by looking the batch up;
 *   <li>{@code enqueued}: {@code batchId}, {@code itemIds};
 *   <li>{@code retried}: {@code from}, {@code to}, {@code reason} (an item re-enqueued once);
 *   <li>{@code saved}: {@code itemId}, {@code image} (or {@code video}), {@code path};
 *   <li>{@code finished}: {@code itemId}, {@code status}.
 * </ul>
 *
 * @param workflow the workflow's name from {@code begin}; empty for a new journal
 * @param requestHash the request hash from {@code begin}; empty for a new journal
 * @param batchId the batch, once {@code enqueuing} was written
 * @param enqueued whether the server's answer to the enqueue was recorded
 * @param itemIds the batch's items, each retried item replaced by its retry
 * @param retries retry item id → the item it replaced
 * @param saved the server image and video names saved to disk
 */
public record JournalState(Optional<String> workflow, Optional<String> requestHash, Optional<BatchId> batchId,
    boolean enqueued, List<QueueItemId> itemIds, Map<QueueItemId, QueueItemId> retries, Set<String> saved) {

  /** Copies the collections. */
  public JournalState {
    itemIds = List.copyOf(itemIds);
    retries = Map.copyOf(retries);
    saved = Set.copyOf(saved);
  }

  /** Folds {@code records} in order; unknown record types are skipped (a newer invoke4j wrote them). */
  public static JournalState of(List<JsonNode> records) {
    Optional<String> workflow = Optional.empty();
    Optional<String> hash = Optional.empty();
    Optional<BatchId> batch = Optional.empty();
    boolean enqueued = false;
    List<QueueItemId> items = new ArrayList<>();
    Map<QueueItemId, QueueItemId> retries = new LinkedHashMap<>();
    Set<String> saved = new LinkedHashSet<>();
    for (JsonNode record : records) {
      switch (record.path("type").asText()) {
        case "begin" -> {
          workflow = Optional.of(record.path("workflow").asText());
          hash = Optional.of(record.path("requestHash").asText());
        }
        case "enqueuing" -> batch = Optional.of(BatchId.of(record.path("batchId").asText()));
        case "enqueued" -> {
          batch = Optional.of(BatchId.of(record.path("batchId").asText()));
          enqueued = true;
          items.clear();
          record.path("itemIds").forEach(id -> items.add(QueueItemId.of(id.asLong())));
        }
        case "retried" -> {
          QueueItemId from = QueueItemId.of(record.path("from").asLong());
          QueueItemId to = QueueItemId.of(record.path("to").asLong());
          int at = items.indexOf(from);
          if (at >= 0) {
            items.set(at, to);
          }
          retries.put(to, from);
        }
        case "saved" -> saved.add(record.has("video") ? record.path("video").asText() : record.path("image").asText());
        default -> { }
      }
    }
    return new JournalState(workflow, hash, batch, enqueued, items, retries, saved);
  }

  /**
   * Checks that this journal was written for the same request, so a re-run resumes it.
   *
   * @throws IllegalArgumentException naming both when it was written for another workflow or other values
   */
  public void requireSameRequest(String workflowName, String hash) {
    if (requestHash.isPresent() && !requestHash.get().equals(hash)) {
      String what = workflow.filter(w -> !w.equals(workflowName)).map(w -> "workflow \"" + w + "\"")
          .orElse("the same workflow with other values or options");
      throw new IllegalArgumentException("the journal was written for " + what + ", not this command; use"
          + " another --journal file (or the original command to resume it)");
    }
  }

  /** Whether {@code item} is itself a re-enqueue (so it is never re-enqueued again). */
  public boolean isRetry(QueueItemId item) {
    return retries.containsKey(item);
  }

  /**
   * Whether the server canceled {@code item} because it restarted, not because a person asked:
   * InvokeAI 6.x cancels every {@code in_progress} item at startup with a direct database update,
   * which sends no event and records no error. A person's cancel (GUI, API, {@code queue cancel})
   * sends a status event. So: canceled, had started ({@code started_at} set), no error, and no
   * cancel event for it was seen by this process. An item already re-enqueued once is never
   * counted again.
   *
   * @param sawCancelEvent whether this process received a cancel event naming the item (or its batch,
   *     or a queue clear)
   */
  public boolean canceledByRestart(QueueItem item, boolean sawCancelEvent) {
    return item.status() == QueueItemStatus.CANCELED && item.startedAt().isPresent()
        && item.errorType().isEmpty() && item.errorMessage().isEmpty() && !sawCancelEvent && !isRetry(item.itemId());
  }
}
