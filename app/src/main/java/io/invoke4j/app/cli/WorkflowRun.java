package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.adapter.fs.FileOutputStore;
import io.invoke4j.adapter.fs.JournalState;
import io.invoke4j.adapter.fs.OutputName;
import io.invoke4j.adapter.fs.RunJournal;
import io.invoke4j.adapter.fs.WorkflowFiles;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.ModelSync;
import io.invoke4j.app.usecase.VideoOutput;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.event.InvocationProgress;
import io.invoke4j.domain.event.InvocationStarted;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.event.QueueCleared;
import io.invoke4j.domain.event.QueueItemStatusChanged;
import io.invoke4j.domain.event.QueueItemsCanceled;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.field.ImageValue;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.VideoName;
import io.invoke4j.domain.queue.BatchDatum;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.NodeOutput;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.Sweep;
import io.invoke4j.domain.workflow.InvalidInputException;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowFormatException;
import io.invoke4j.domain.workflow.WorkflowInput;
import io.invoke4j.domain.workflow.WorkflowNode;
import io.invoke4j.ports.EventStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One {@code run} or {@code sweep}: read the workflow, set its values, enqueue ONE request (or
 * resume the journal's batch), follow every item, save each output as its item completes, report.
 *
 * <p>Following is event-driven: events wake the loop, which re-reads the unfinished items (one
 * {@code list} call); it also re-reads once a second, so a dropped stream or a server restart only
 * delays it (a server that does not answer is asked again every second until {@code --timeout}).
 * Items the server canceled because it restarted are re-enqueued once with the queue's retry (same
 * batch); see {@link JournalState#canceledByRestart}.
 */
final class WorkflowRun {
  /** One {@code --vary INDEX=v1,v2}: an input (index or label) and its values as text. */
  record Vary(String input, List<String> values) {}

  private static final Duration POLL = Duration.ofSeconds(1);

  private final CommandSpec spec;
  private final ServerOptions server;
  private final RunOptions options;
  private final Path file;
  private final List<Vary> varies;
  private final boolean zip;

  WorkflowRun(CommandSpec spec, ServerOptions server, RunOptions options, Path file, List<Vary> varies, boolean zip) {
    this.spec = spec;
    this.server = server;
    this.options = options;
    this.file = file;
    this.varies = varies;
    this.zip = zip;
  }

  int execute() {
    if (options.runs < 1) {
      throw new CliException(CliException.USAGE, "--runs must be at least 1, got " + options.runs);
    }
    if (options.timeoutSeconds < 1) {
      throw new CliException(CliException.USAGE, "--timeout must be at least 1 second");
    }
    Path located = WorkflowFiles.locate(file);
    WorkflowDefinition loaded = load(located);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, options.progress, options.terminal());
    try (InvokeAIClient client = server.connect()) {
      WorkflowHandle handle = serverCall("read the server's node templates", () -> client.workflowRepo()
          .createWorkflow(loaded));
      if (options.syncModels) {
        for (ModelSync change : serverCall("list models", () -> handle.syncDnnModel(true, true))) {
          progress.line("model of node " + change.nodeId() + " field " + change.fieldName() + " -> "
              + change.model().name() + " (" + change.strategy().name().toLowerCase(Locale.ROOT) + ")");
        }
      }
      WorkflowDefinition workflow = handle.definition();
      Map<Integer, Path> uploads = new TreeMap<>();
      for (String set : options.sets) {
        Inputs.Assignment assignment = Inputs.parseSet(workflow, set);
        WorkflowInput input = assignment.input();
        String value = assignment.value();
        if (input.type().kind() == FieldType.Kind.IMAGE && Files.isRegularFile(Path.of(value))) {
          uploads.put(input.index(), Path.of(value));
          continue;
        }
        try {
          workflow = workflow.withValueText(input.index(), value);
        } catch (InvalidInputException e) {
          throw new CliException(CliException.USAGE, "--set " + set + ": " + ErrorPolicy.clean(e.getMessage()), e);
        }
      }
      Optional<Sweep> sweep = sweep(workflow);
      Set<Integer> covered = new HashSet<>(uploads.keySet());
      sweep.ifPresent(s -> varies.forEach(v -> covered.add(Inputs.find(handle.definition(), v.input(), "--vary").index())));
      requireNoMissing(workflow, covered);

      String hash = hash(located, sweep);
      RunJournal journal = options.journal == null ? null : RunJournal.open(options.journal);
      try {
        FileOutputStore store = FileOutputStore.create(options.out);
        Batch batch = enqueueOrResume(client, workflow, uploads, sweep, hash, journal, progress);
        return follow(client, workflow, batch, store, journal, progress, out);
      } finally {
        if (journal != null) {
          journal.close();
        }
      }
    }
  }

  // ------------------------------------------------------------------ preparing

  private WorkflowDefinition load(Path located) {
    try {
      return WorkflowDefinition.fromFile(located);
    } catch (WorkflowFormatException e) {
      throw new CliException(CliException.USAGE, file + ": " + ErrorPolicy.clean(e.getMessage()), e);
    }
  }

  private Optional<Sweep> sweep(WorkflowDefinition workflow) {
    if (varies.isEmpty()) {
      return Optional.empty();
    }
    List<BatchDatum> datums = new ArrayList<>();
    for (Vary vary : varies) {
      WorkflowInput input = Inputs.find(workflow, vary.input(), "--vary " + vary.input());
      try {
        datums.add(workflow.datum(input.index(), vary.values()));
      } catch (InvalidInputException e) {
        throw new CliException(CliException.USAGE, "--vary " + vary.input() + ": " + ErrorPolicy.clean(e.getMessage()), e);
      }
    }
    try {
      if (zip) {
        return Optional.of(Sweep.zip(datums.toArray(new BatchDatum[0])));
      }
      return Optional.of(Sweep.product(datums.stream().map(Sweep::zip).toArray(Sweep[]::new)));
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.USAGE, "--zip: " + ErrorPolicy.clean(e.getMessage()), e);
    }
  }

  private static void requireNoMissing(WorkflowDefinition workflow, Set<Integer> covered) {
    List<String> missing = Inputs.missing(workflow, covered);
    if (!missing.isEmpty()) {
      throw new CliException(CliException.USAGE, Inputs.missingMessage(missing));
    }
  }

  /** What the command asked for: the workflow file, every value and option that shapes the batch. */
  private String hash(Path located, Optional<Sweep> sweep) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Files.readAllBytes(located));
      for (String set : options.sets) {
        sha.update(("\0set " + set).getBytes(StandardCharsets.UTF_8));
        String value = set.substring(set.indexOf('=') + 1);
        if (Files.isRegularFile(Path.of(value))) {
          sha.update(Files.readAllBytes(Path.of(value)));
        }
      }
      sha.update(("\0sweep " + sweep.map(Sweep::groups).map(Object::toString).orElse("") + "\0runs " + options.runs
          + "\0board " + options.autoBoard + "\0zip " + zip).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new CliException(CliException.USAGE, "cannot read " + located + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  // ------------------------------------------------------------------ enqueueing

  private record Batch(BatchId id, List<QueueItemId> items, boolean resumed) {}

  private Batch enqueueOrResume(InvokeAIClient client, WorkflowDefinition workflow, Map<Integer, Path> uploads,
      Optional<Sweep> sweep, String hash, RunJournal journal, Progress progress) {
    JournalState state = journal == null ? JournalState.of(List.of()) : journal.state();
    state.requireSameRequest(workflow.name(), hash);
    if (state.enqueued()) {
      progress.line("resuming batch " + state.batchId().orElseThrow().value() + " from " + options.journal);
      return new Batch(state.batchId().orElseThrow(), state.itemIds(), true);
    }
    if (state.batchId().isPresent()) {
      // the last run crashed while sending: the server may or may not have the batch
      BatchId id = state.batchId().get();
      List<QueueItemId> items = serverCall("look up batch " + id.value(), () -> client.queue().itemIdsOf(id));
      if (!items.isEmpty()) {
        recordEnqueued(journal, id, items);
        progress.line("resuming batch " + id.value() + " from " + options.journal);
        return new Batch(id, items, true);
      }
    } else if (journal != null) {
      journal.append(RunJournal.record("begin").put("workflow", workflow.name()).put("requestHash", hash)
          .put("file", file.toString()));
    }
    BatchId id = state.batchId().orElseGet(() -> BatchId.of(UUID.randomUUID().toString()));
    WorkflowDefinition values = workflow;
    for (Map.Entry<Integer, Path> upload : uploads.entrySet()) {
      Path path = upload.getValue();
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new CliException(CliException.USAGE, "cannot read " + path + ": " + e.getMessage(), e);
      }
      ImageName name = serverCall("upload " + path, () -> client.images().upload(bytes,
          path.getFileName().toString(), ImageCategory.USER, Optional.empty(), false)).name();
      progress.line("uploaded " + path + " as " + name.value() + " for input " + upload.getKey());
      values = values.withValue(upload.getKey(), new ImageValue(name.value()));
    }
    EnqueueRequest.WorkflowRequest request = EnqueueRequest.forWorkflow(values).runs(options.runs);
    if (options.autoBoard != null) {
      request.autoAddBoard(options.autoBoard);
    }
    sweep.ifPresent(request::sweep);
    EnqueueRequest body = request.build().withBatchId(id);
    if (journal != null) {
      journal.append(RunJournal.record("enqueuing").put("batchId", id.value()));
    }
    EnqueueResult result;
    try {
      result = client.queue().enqueue(body);
    } catch (EnqueueRejectedException e) {
      throw new CliException(CliException.SERVER, "the server refused workflow \"" + workflow.name() + "\" (enqueue_batch): "
          + ErrorPolicy.clean(e.getMessage()), e);
    } catch (InvokeException e) {
      throw new CliException(CliException.SERVER, "enqueue_batch at " + server.url() + " failed: "
          + ErrorPolicy.clean(e.getMessage()), e);
    }
    recordEnqueued(journal, result.batchId(), result.itemIds());
    return new Batch(result.batchId(), result.itemIds(), false);
  }

  private static void recordEnqueued(RunJournal journal, BatchId id, List<QueueItemId> items) {
    if (journal == null) {
      return;
    }
    ObjectNode record = RunJournal.record("enqueued").put("batchId", id.value());
    ArrayNode ids = record.putArray("itemIds");
    items.forEach(i -> ids.add(i.value()));
    journal.append(record);
  }

  // ------------------------------------------------------------------ following

  private int follow(InvokeAIClient client, WorkflowDefinition workflow, Batch batch, FileOutputStore store,
      RunJournal journal, Progress progress, PrintWriter out) {
    String version = serverCall("read the server version", () -> client.server().version());
    List<QueueItemId> items = new ArrayList<>(batch.items());
    Set<QueueItemId> pending = new java.util.LinkedHashSet<>(items);
    Set<QueueItemId> canceledByEvent = new HashSet<>();
    Set<QueueItemId> retried = new HashSet<>();
    Set<QueueItemId> gone = new java.util.LinkedHashSet<>();
    Map<QueueItemId, QueueItem> finished = new LinkedHashMap<>();
    Map<QueueItemId, QueueItemStatus> lastStatus = new java.util.HashMap<>();
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    BlockingQueue<InvokeEvent> events = new LinkedBlockingQueue<>();
    Set<String> saved = new HashSet<>(journal == null ? Set.of() : journal.state().saved());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds);
    progress.start(items.size(), (batch.resumed() ? "following " : "enqueued ") + items.size() + " item"
        + (items.size() == 1 ? "" : "s") + " of workflow \"" + workflow.name() + "\" as batch " + batch.id().value());
    EventStream.Subscription subscription = client.events().subscribe(events::add);
    try {
      boolean reread = true;
      boolean unreachable = false;
      while (!pending.isEmpty()) {
        if (reread) {
          List<QueueItem> read;
          try {
            read = client.queue().list(List.copyOf(pending));
          } catch (InvokeTransportException | InvokeHttpException e) {
            // a restarting server refuses connections for a while: ride it out until --timeout
            if (e instanceof InvokeHttpException http && http.status() < 500 || System.nanoTime() >= deadline) {
              throw new CliException(ErrorPolicy.exitCode(e), "read queue items at " + server.url() + ": "
                  + ErrorPolicy.clean(e.getMessage()), e);
            }
            if (!unreachable) {
              progress.line("the server does not answer (" + ErrorPolicy.clean(e.getMessage())
                  + "); trying again every second until --timeout");
              unreachable = true;
            }
            Thread.sleep(POLL.toMillis());
            continue;
          }
          if (unreachable) {
            progress.line("the server answers again");
            unreachable = false;
          }
          // an item deleted under us (queue cleared or pruned, or deleted by hand) would never finish
          Set<QueueItemId> seen = new HashSet<>();
          read.forEach(i -> seen.add(i.itemId()));
          for (QueueItemId id : List.copyOf(pending)) {
            if (!seen.contains(id)) {
              pending.remove(id);
              gone.add(id);
              progress.line("item " + id.value() + " is no longer on the server's queue");
            }
          }
          for (QueueItem item : read) {
            QueueItemStatus before = lastStatus.put(item.itemId(), item.status());
            if (before != item.status()) {
              progress.status(item.itemId().value(), item.statusText());
            }
            if (!item.isTerminal()) {
              continue;
            }
            JournalState state = journal == null ? JournalState.of(List.of()) : journal.state();
            if (!retried.contains(item.itemId()) && state.canceledByRestart(item, canceledByEvent.contains(item.itemId()))) {
              QueueItemId retry = retry(client, batch.id(), item.itemId());
              if (retry != null) {
                retried.add(retry);
                if (journal != null) {
                  journal.append(RunJournal.record("retried").put("from", item.itemId().value()).put("to", retry.value())
                      .put("reason", "canceled by a server restart"));
                }
                progress.line("item " + item.itemId().value() + " was canceled by a server restart; re-enqueued once as item "
                    + retry.value());
                pending.remove(item.itemId());
                pending.add(retry);
                items.set(items.indexOf(item.itemId()), retry);
                continue;
              }
            }
            pending.remove(item.itemId());
            finished.put(item.itemId(), item);
            progress.finished(finished.size());
            results.add(saveOutputs(client, workflow, item, store, journal, saved, version, progress, out));
          }
          reread = false;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        InvokeEvent event = events.poll(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS);
        if (event == null) {
          reread = true;
          continue;
        }
        do {
          reread |= handle(event, pending, canceledByEvent, progress);
        } while ((event = events.poll()) != null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(CliException.ITEM_FAILED, "interrupted while waiting for batch " + batch.id().value());
    } finally {
      subscription.close();
      progress.done();
    }
    return report(workflow, batch, items, finished, pending, gone, results, out);
  }

  /**
   * Re-enqueues {@code item} with the queue's retry and returns the new item, or null when the server
   * retried nothing. The server answers with the ids of the items it retried (the originals), not
   * the new ones: the new item is the one the batch gained.
   */
  private QueueItemId retry(InvokeAIClient client, BatchId batch, QueueItemId item) {
    Set<QueueItemId> before = new HashSet<>(serverCall("list the items of batch " + batch.value(),
        () -> client.queue().itemIdsOf(batch)));
    if (serverCall("retry item " + item.value(), () -> client.queue().retry(List.of(item))).isEmpty()) {
      return null;
    }
    return serverCall("list the items of batch " + batch.value(), () -> client.queue().itemIdsOf(batch)).stream()
        .filter(id -> !before.contains(id)).max(java.util.Comparator.comparingLong(QueueItemId::value)).orElse(null);
  }

  private static boolean handle(InvokeEvent event, Set<QueueItemId> pending, Set<QueueItemId> canceledByEvent,
      Progress progress) {
    if (event instanceof QueueItemStatusChanged changed && pending.contains(changed.item())) {
      if (changed.status() == QueueItemStatus.CANCELED) {
        canceledByEvent.add(changed.item());
      }
      return true;
    }
    if (event instanceof QueueItemsCanceled canceled) {
      canceledByEvent.addAll(canceled.canceledItemIds());
      return true;
    }
    if (event instanceof QueueCleared) {
      canceledByEvent.addAll(pending);
      return true;
    }
    if (event instanceof InvocationStarted started && pending.contains(started.item())) {
      progress.node(started.item().value(), started.nodeType(), Optional.empty(), "");
    } else if (event instanceof InvocationProgress p && pending.contains(p.item())) {
      progress.node(p.item().value(), p.nodeType(), p.percentage(), p.message());
    }
    return false;
  }

  private ObjectNode saveOutputs(InvokeAIClient client, WorkflowDefinition workflow, QueueItem item,
      FileOutputStore store, RunJournal journal, Set<String> saved, String version, Progress progress, PrintWriter out) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("itemId", item.itemId().value());
    result.put("status", item.statusText());
    item.sessionId().ifPresent(s -> result.put("sessionId", s));
    item.errorType().ifPresent(t -> result.put("errorType", t));
    item.errorMessage().ifPresent(m -> result.put("errorMessage", m));
    ArrayNode outputs = result.putArray("outputs");
    if (item.status() != QueueItemStatus.COMPLETED) {
      return result;
    }
    for (NodeOutput output : OutputMapper.map(item)) {
      String label = workflow.node(output.nodeId()).map(WorkflowNode::label).filter(l -> !l.isBlank())
          .orElse(output.nodeType());
      for (ImageName image : output.imageNames()) {
        OutputName name = new OutputName(workflow.name(), item.itemId().value(), label, image.value());
        Path path = store.pathFor(name);
        ObjectNode row = outputs.addObject().put("nodeId", output.nodeId()).put("node", label)
            .put("image", image.value()).put("path", path.toString());
        if (saved.contains(image.value()) && store.contains(name)) {
          row.put("alreadySaved", true);
          continue;
        }
        byte[] bytes = serverCall("download image " + image.value(), () -> client.images().download(image));
        store.save(name, bytes, sidecar(workflow, item, output.nodeId(), output.nodeType(), "image", image.value(),
            version));
        saved(item, "image", image.value(), path, journal, saved, progress, out);
      }
    }
    // video nodes (Wan 2.2) give video_output results, downloaded through the videos API
    for (VideoOutput output : VideoOutput.of(item)) {
      String label = workflow.node(output.nodeId()).map(WorkflowNode::label).filter(l -> !l.isBlank())
          .orElse(output.nodeType());
      for (VideoName video : output.videoNames()) {
        OutputName name = new OutputName(workflow.name(), item.itemId().value(), label, video.value());
        Path path = store.pathFor(name);
        ObjectNode row = outputs.addObject().put("nodeId", output.nodeId()).put("node", label)
            .put("video", video.value()).put("path", path.toString());
        if (saved.contains(video.value()) && store.contains(name)) {
          row.put("alreadySaved", true);
          continue;
        }
        byte[] bytes = serverCall("download video " + video.value(), () -> client.videos().download(video));
        store.save(name, bytes, sidecar(workflow, item, output.nodeId(), output.nodeType(), "video", video.value(),
            version));
        saved(item, "video", video.value(), path, journal, saved, progress, out);
      }
    }
    return result;
  }

  /** Notes one output ({@code kind} "image" or "video") as saved: in memory, in the journal, on stdout. */
  private void saved(QueueItem item, String kind, String serverName, Path path, RunJournal journal, Set<String> saved,
      Progress progress, PrintWriter out) {
    saved.add(serverName);
    if (journal != null) {
      journal.append(RunJournal.record("saved").put("itemId", item.itemId().value()).put(kind, serverName)
          .put("path", path.toString()));
    }
    if (!options.json) {
      progress.erase();
      out.println(path);
      out.flush();
    }
  }

  private static ObjectNode sidecar(WorkflowDefinition workflow, QueueItem item, String nodeId, String nodeType,
      String kind, String serverName, String version) {
    ObjectNode sidecar = JsonNodeFactory.instance.objectNode();
    sidecar.put("workflow", workflow.name());
    workflow.id().ifPresent(id -> sidecar.put("workflowId", id));
    ObjectNode inputs = sidecar.putObject("inputs");
    for (WorkflowInput input : workflow.inputs()) {
      inputs.set(input.index() + " " + input.label(),
          input.value().map(FieldValue::toJson).orElse(JsonNodeFactory.instance.nullNode()));
    }
    ArrayNode swept = sidecar.putArray("batchValues");
    item.fieldValues().forEach(v -> swept.addObject().put("node", v.nodePath()).put("field", v.fieldName())
        .set("value", v.value()));
    sidecar.put("batchId", item.batchId().value());
    sidecar.put("itemId", item.itemId().value());
    item.sessionId().ifPresent(s -> sidecar.put("sessionId", s));
    sidecar.put("nodeId", nodeId);
    sidecar.put("nodeType", nodeType);
    sidecar.put(kind, serverName);
    sidecar.put("serverVersion", version);
    ObjectNode timings = sidecar.putObject("timings");
    item.createdAt().ifPresent(t -> timings.put("created", t.toString()));
    item.startedAt().ifPresent(t -> timings.put("started", t.toString()));
    item.completedAt().ifPresent(t -> timings.put("completed", t.toString()));
    if (item.startedAt().isPresent() && item.completedAt().isPresent()) {
      timings.put("seconds", Duration.between(item.startedAt().get(), item.completedAt().get()).toMillis() / 1000.0);
    }
    return sidecar;
  }

  private int report(WorkflowDefinition workflow, Batch batch, List<QueueItemId> items,
      Map<QueueItemId, QueueItem> finished, Set<QueueItemId> pending, Set<QueueItemId> gone, ArrayNode results,
      PrintWriter out) {
    List<String> problems = new ArrayList<>();
    if (!gone.isEmpty()) {
      problems.add(gone.size() + " item(s) vanished from the server's queue before they finished ("
          + gone.stream().map(i -> String.valueOf(i.value())).toList() + "): deleted, or the queue was cleared");
    }
    for (QueueItem item : finished.values()) {
      if (item.status() == QueueItemStatus.FAILED) {
        problems.add("item " + item.itemId().value() + " failed: " + item.errorType().orElse("error") + ": "
            + item.errorMessage().map(ErrorPolicy::clean).orElse("(no message)"));
      } else if (item.status() == QueueItemStatus.CANCELED) {
        problems.add("item " + item.itemId().value() + " was canceled");
      }
    }
    if (!pending.isEmpty()) {
      problems.add(pending.size() + " item(s) did not finish within " + options.timeoutSeconds + " s ("
          + pending.stream().map(i -> String.valueOf(i.value())).toList() + "); they keep running on the server"
          + (options.journal == null ? "" : "; run the same command again to resume"));
    }
    int images = 0;
    for (com.fasterxml.jackson.databind.JsonNode result : results) {
      images += result.path("outputs").size();
    }
    long completed = finished.values().stream().filter(i -> i.status() == QueueItemStatus.COMPLETED).count();
    if (!options.json && options.progress != Progress.Mode.NONE) {
      spec.commandLine().getErr().println("invoke4j: " + completed + " of " + items.size() + " item"
          + (items.size() == 1 ? "" : "s") + " completed, " + images + " image" + (images == 1 ? "" : "s") + " in "
          + options.out);
      spec.commandLine().getErr().flush();
    }
    if (options.json) {
      ObjectNode summary = JsonNodeFactory.instance.objectNode();
      summary.put("workflow", workflow.name());
      summary.put("batchId", batch.id().value());
      ArrayNode ids = summary.putArray("itemIds");
      items.forEach(i -> ids.add(i.value()));
      summary.set("items", results);
      ArrayNode errors = summary.putArray("problems");
      problems.forEach(errors::add);
      out.println(Json.pretty(summary));
      out.flush();
    }
    if (problems.isEmpty()) {
      return 0;
    }
    throw new CliException(CliException.ITEM_FAILED, "batch " + batch.id().value() + ": " + String.join("; ", problems));
  }

  /** Runs a server call, naming it in the one-line error when the server refuses or cannot be reached. */
  private <T> T serverCall(String what, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (CliException | IllegalArgumentException | IllegalStateException e) {
      throw e;
    } catch (InvokeException e) {
      throw new CliException(ErrorPolicy.exitCode(e), what + " at " + server.url() + ": " + ErrorPolicy.clean(e.getMessage()), e);
    }
  }
}
