package io.invoke4j.adapter.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeStorageException;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {
  @TempDir Path dir;

  @Test
  void readsBackWhatWasAppendedAfterReopening() {
    Path file = dir.resolve("run.jsonl");
    try (RunJournal journal = RunJournal.open(file)) {
      journal.append(RunJournal.record("begin").put("workflow", "w").put("requestHash", "h1"));
      journal.append(RunJournal.record("enqueuing").put("batchId", "b1"));
      var enqueued = RunJournal.record("enqueued").put("batchId", "b1");
      enqueued.putArray("itemIds").add(1).add(2).add(3);
      journal.append(enqueued);
      journal.append(RunJournal.record("saved").put("itemId", 1).put("image", "a.png").put("path", "/x/a.png"));
      journal.append(RunJournal.record("retried").put("from", 2).put("to", 9).put("reason", "server restart"));
    }
    try (RunJournal journal = RunJournal.open(file)) {
      assertThat(journal.state()).isEqualTo(new JournalState(Optional.of("w"), Optional.of("h1"),
          Optional.of(BatchId.of("b1")), true, List.of(id(1), id(9), id(3)), Map.of(id(9), id(2)), Set.of("a.png")));
    }
  }

  @Test
  void ignoresALastLineCutShortByACrash() throws IOException {
    Path file = dir.resolve("run.jsonl");
    Files.writeString(file, "{\"type\":\"begin\",\"workflow\":\"w\",\"requestHash\":\"h\"}\n{\"type\":\"enq",
        StandardCharsets.UTF_8);
    try (RunJournal journal = RunJournal.open(file)) {
      assertThat(journal.state().requestHash()).contains("h");
      assertThat(journal.state().batchId()).isEmpty();
    }
  }

  @Test
  void refusesAFileThatIsNotAJournal() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "hello\nworld\n", StandardOpenOption.CREATE);
    assertThatThrownBy(() -> RunJournal.open(file)).isInstanceOf(InvokeStorageException.class)
        .hasMessageContaining("line 1 is not JSON");
  }

  @Test
  void refusesAJournalWrittenForAnotherRequest() {
    JournalState state = JournalState.of(List.of(RunJournal.record("begin").put("workflow", "a").put("requestHash", "h")));
    state.requireSameRequest("a", "h");
    assertThatThrownBy(() -> state.requireSameRequest("b", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workflow \"a\"");
    assertThatThrownBy(() -> state.requireSameRequest("a", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other values");
  }

  @Test
  void tellsARestartCancelFromAPersonsCancel() {
    JournalState state = JournalState.of(List.of(RunJournal.record("retried").put("from", 2).put("to", 9)));
    QueueItem restarted = item(3, QueueItemStatus.CANCELED, true, null);
    assertThat(state.canceledByRestart(restarted, false)).isTrue();
    // a person's cancel arrives as an event
    assertThat(state.canceledByRestart(restarted, true)).isFalse();
    // canceled before it started: pending items survive a restart, so a person did it
    assertThat(state.canceledByRestart(item(3, QueueItemStatus.CANCELED, false, null), false)).isFalse();
    // an error means the run itself stopped it
    assertThat(state.canceledByRestart(item(3, QueueItemStatus.CANCELED, true, "boom"), false)).isFalse();
    // a retry is never retried again
    assertThat(state.canceledByRestart(item(9, QueueItemStatus.CANCELED, true, null), false)).isFalse();
    assertThat(state.canceledByRestart(item(3, QueueItemStatus.FAILED, true, null), false)).isFalse();
  }

  private static QueueItem item(long id, QueueItemStatus status, boolean started, String error) {
    QueueItem.Builder builder = QueueItem.builder().itemId(id(id)).batchId(BatchId.of("b1")).status(status)
        .statusText(status.wire());
    if (started) {
      builder.startedAt(Instant.parse("2026-01-01T00:00:00Z"));
    }
    if (error != null) {
      builder.errorType("ValueError").errorMessage(error);
    }
    return builder.build();
  }

  private static QueueItemId id(long value) {
    return QueueItemId.of(value);
  }
}
