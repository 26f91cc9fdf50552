package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoke4j queue status|list|cancel|clear|prune|pause|resume}. */
@Command(name = "queue", description = "The server's session queue.",
    subcommands = {QueueCommand.Status.class, QueueCommand.ListItems.class, QueueCommand.Cancel.class,
        QueueCommand.Clear.class, QueueCommand.Prune.class, QueueCommand.Pause.class, QueueCommand.Resume.class})
final class QueueCommand extends ClientCommand.Group {

  @Command(name = "status", description = "Counts by status, the current item, whether the processor runs.")
  static final class Status extends ClientCommand {
    @Override
    JsonNode execute(InvokeAIClient client) {
      return Views.queueStatus(client.queue().status());
    }
  }

  @Command(name = "list", description = "List queue items, oldest first (the last --limit of them).")
  static final class ListItems extends ClientCommand {
    @Option(names = "--status", paramLabel = "STATUS",
        description = "Only items with this status: pending, in_progress, completed, failed or canceled.")
    String status;

    @Option(names = "--batch", paramLabel = "BATCH_ID", description = "Only this batch's items.")
    String batch;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most the last N (default 50).")
    int limit;

    @Override
    JsonNode execute(InvokeAIClient client) {
      if (limit < 1) {
        throw new CliException(CliException.USAGE, "--limit must be at least 1, got " + limit);
      }
      QueueItemStatus wanted = status == null ? null : parse(status);
      List<QueueItem> items = batch != null
          ? client.queue().list(client.queue().itemIdsOf(BatchId.of(batch)))
          : client.queue().listAll();
      List<QueueItem> kept = items.stream().filter(i -> wanted == null || i.status() == wanted).toList();
      return Views.array(kept.subList(Math.max(0, kept.size() - limit), kept.size()), Views::queueItem);
    }

    private static QueueItemStatus parse(String status) {
      for (QueueItemStatus s : QueueItemStatus.values()) {
        if (s.wire().equals(status.toLowerCase(Locale.ROOT)) && s != QueueItemStatus.UNKNOWN) {
          return s;
        }
      }
      throw new CliException(CliException.USAGE, "--status " + status
          + ": expected pending, in_progress, waiting, completed, failed or canceled");
    }
  }

  @Command(name = "cancel", description = "Cancel queue items, whole batches, or everything but the current item.")
  static final class Cancel extends ClientCommand {
    @Parameters(paramLabel = "ITEM_ID", arity = "0..*", description = "Queue item ids (see 'queue list').")
    List<Long> items = List.of();

    @Option(names = "--batch", paramLabel = "BATCH_ID", description = "Cancel this batch's unfinished items. Repeatable.")
    List<String> batches = List.of();

    @Option(names = "--all-except-current", description = "Cancel every pending item (other users' too).")
    boolean allExceptCurrent;

    @Override
    JsonNode execute(InvokeAIClient client) {
      if (items.isEmpty() && batches.isEmpty() && !allExceptCurrent) {
        throw new CliException(CliException.USAGE, "queue cancel: name ITEM_IDs, --batch or --all-except-current");
      }
      List<QueueItem> canceled = new ArrayList<>();
      for (long id : items) {
        QueueItemId item = QueueItemId.of(id);
        client.queue().find(item).orElseThrow(() -> notFound("queue item " + id));
        canceled.add(client.queue().cancel(item));
      }
      int inBatches = batches.isEmpty() ? 0
          : client.queue().cancelBatches(batches.stream().map(BatchId::of).toList());
      int others = allExceptCurrent ? client.queue().cancelAllExceptCurrent() : 0;
      ObjectNode result = Views.object();
      result.set("items", Views.array(canceled, Views::queueItem));
      return result.put("canceledInBatches", inBatches).put("canceledExceptCurrent", others);
    }
  }

  @Command(name = "clear", description = "Cancel the current item and delete EVERY queue item (other users' too).")
  static final class Clear extends ClientCommand {
    @Override
    JsonNode execute(InvokeAIClient client) {
      return Views.object().put("deleted", client.queue().clear());
    }
  }

  @Command(name = "prune", description = "Delete finished (completed, failed, canceled) queue items.")
  static final class Prune extends ClientCommand {
    @Override
    JsonNode execute(InvokeAIClient client) {
      return Views.object().put("deleted", client.queue().prune());
    }
  }

  @Command(name = "pause", description = "Pause the processor after the current item; items stay queued.")
  static final class Pause extends ClientCommand {
    @Override
    JsonNode execute(InvokeAIClient client) {
      client.queue().pauseProcessor();
      return Views.queueStatus(client.queue().status());
    }
  }

  @Command(name = "resume", description = "Resume the processor.")
  static final class Resume extends ClientCommand {
    @Override
    JsonNode execute(InvokeAIClient client) {
      client.queue().resumeProcessor();
      return Views.queueStatus(client.queue().status());
    }
  }
}
