package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.EnqueueProblem;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.InvokeStorageException;
import io.invoke4j.domain.field.FieldProblem;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.field.ImageValue;
import io.invoke4j.domain.field.ModelValue;
import io.invoke4j.domain.field.NodeTemplates;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.models.MatchKind;
import io.invoke4j.domain.models.ModelMatch;
import io.invoke4j.domain.models.ModelMatcher;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.MissingInput;
import io.invoke4j.domain.queue.MissingInputs;
import io.invoke4j.domain.queue.NodeOutput;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.Sweep;
import io.invoke4j.domain.workflow.InvalidInputException;
import io.invoke4j.domain.workflow.LoadWarning;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowEdge;
import io.invoke4j.domain.workflow.WorkflowField;
import io.invoke4j.domain.workflow.WorkflowInput;
import io.invoke4j.domain.workflow.WorkflowNode;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ModelGateway;
import io.invoke4j.ports.QueueGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workflow bound to a server: list and set its form inputs by index, check them, submit once or as
 * a sweep, wait for the result and map output nodes to images (the Python client's
 * {@code WorkflowHandle}).
 *
 * <pre>{@code
 * WorkflowHandle wf = client.workflowRepo().createWorkflow(WorkflowDefinition.fromFile(path));
 * wf.setInputValue(0, 96);
 * wf.submitSync();
 * QueueItem done = wf.waitForCompletionSync(Duration.ofMillis(500), Duration.ofMinutes(3), update -> {});
 * List<OutputMapping> outputs = wf.mapOutputsToImages(done);
 * }</pre>
 *
 * <p>The handle holds the current values (an immutable {@link WorkflowDefinition}, replaced on each
 * set) and the last submission; its methods may be called from several threads. Server calls may
 * throw the ports' {@link io.invoke4j.domain.InvokeException}s.
 */
public final class WorkflowHandle {
  private static final Logger log = LoggerFactory.getLogger(WorkflowHandle.class);

  /** The default poll interval (used only while the event stream is not connected). */
  static final Duration DEFAULT_POLL = Duration.ofMillis(500);

  /** The default wait, as the Python client's {@code wait_for_completion_sync}. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

  private static final Consumer<JobUpdate> IGNORE = update -> { };

  /** The ports a handle works over. */
  record Services(QueueGateway queue, ImageGateway images, ModelGateway models, ServerTemplates templates,
      EventStream events, Executor executor) {
    QueueWaiter waiter() {
      return new QueueWaiter(queue, events);
    }
  }

  private final Services services;
  private WorkflowDefinition definition;
  /** Image inputs to fill by uploading a local file at submit, by input index. */
  private final Map<Integer, Path> uploads = new TreeMap<>();
  private boolean deleteUploadsAfterRun;
  private Optional<String> autoAddBoard = Optional.empty();
  private Optional<Submission> last = Optional.empty();

  WorkflowHandle(Services services, WorkflowDefinition definition) {
    this.services = services;
    this.definition = definition;
  }

  // ------------------------------------------------------------------ inputs

  /** The workflow with the values set so far (image files to upload are not in it yet). */
  public synchronized WorkflowDefinition definition() {
    return definition;
  }

  /**
   * What loading changed in the workflow, as the GUI would tell (removed edges, updated nodes,
   * dropped values, images, boards and models reset because the server lacks them): the {@link
   * WorkflowDefinition#loadWarnings()} of its definition. Empty when the file was loaded unchanged.
   */
  public synchronized List<LoadWarning> loadWarnings() {
    return definition.loadWarnings();
  }

  /** The form inputs, in the order the GUI shows them, with their current values. */
  public synchronized List<WorkflowInput> listInputs() {
    return definition.inputs();
  }

  /**
   * The input at {@code index}, with its current value.
   *
   * @throws InvalidInputException (an {@link IllegalArgumentException}) for an unknown index, naming
   *     the valid range
   */
  public synchronized WorkflowInput getInput(int index) {
    return definition.input(index);
  }

  /**
   * The current value of input {@code index}. An input without a value (absent or JSON null in the
   * workflow, e.g. an image the user must choose) is a caller mistake here; use
   * {@code getInput(index).value()} to ask without failing.
   *
   * @throws InvalidInputException for an unknown index
   * @throws IllegalStateException naming the input when it has no value (also when a local file is
   *     waiting to be uploaded for it: that value exists only at submit)
   */
  public synchronized FieldValue getInputValue(int index) {
    WorkflowInput input = definition.input(index);
    return input.value().orElseThrow(() -> new IllegalStateException(describe(input) + " has no value"
        + (uploads.containsKey(index) ? " yet: " + uploads.get(index) + " is uploaded at submit" : "")));
  }

  /**
   * Sets input {@code index} from a Java value, converted to and checked against the input's type:
   * {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Float}, {@code BigDecimal},
   * {@code Boolean}, {@code List}, {@code Map}, {@code JsonNode} or a {@link FieldValue}. A
   * {@link Path} for an image input names a local file that is uploaded at each submit (see
   * {@link #setDeleteUploadsAfterRun}).
   *
   * @throws InvalidInputException naming the index, label, node and field when the value does not
   *     fit the input, or a path is given for an input that is not an image or is not a readable file
   */
  public synchronized void setInputValue(int index, Object value) {
    requireNonNull(value, "value == null");
    if (value instanceof Path file) {
      WorkflowInput input = definition.input(index);
      if (input.type().kind() != FieldType.Kind.IMAGE) {
        throw new InvalidInputException(describe(input) + ": a local file is only taken for image inputs, this one is "
            + input.type().name());
      }
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new InvalidInputException(describe(input) + ": " + file + " is not a readable file");
      }
      uploads.put(index, file);
      return;
    }
    definition = definition.withValue(index, value);
    uploads.remove(index);
  }

  /**
   * Sets input {@code index} to a typed value, checked against the input's type.
   *
   * @throws InvalidInputException naming the input when the value does not fit it
   */
  public synchronized void setInputValue(int index, FieldValue value) {
    requireNonNull(value, "value == null");
    definition = definition.withValue(index, value);
    uploads.remove(index);
  }

  /** Whether images uploaded from local files are deleted from the server once their run finished. */
  public synchronized void setDeleteUploadsAfterRun(boolean delete) {
    this.deleteUploadsAfterRun = delete;
  }

  /** The board that board inputs left on {@code auto} save to; without one such inputs are omitted, as the GUI. */
  public synchronized void setAutoAddBoard(String boardId) {
    requireNonNull(boardId, "boardId == null");
    this.autoAddBoard = Optional.of(boardId);
  }

  /**
   * What keeps the workflow from running, found before anything is sent: required inputs (of
   * InvokeAI's built-in nodes) that have neither a value nor a connection, as the GUI checks before
   * it lets you invoke, and form values outside their field's bounds in the server's schema
   * (minimum/maximum, options, lengths; the schema is read once per repository, on the first call).
   * Inputs waiting for a local file count as set. Empty when nothing was found.
   *
   * @throws io.invoke4j.domain.InvokeException when the server's schema cannot be read
   */
  public synchronized List<InputProblem> validateInputs() {
    List<InputProblem> problems = new ArrayList<>();
    for (MissingInput missing : MissingInputs.find(definition)) {
      Optional<WorkflowInput> input = inputOf(definition, missing.nodeId(), missing.fieldName());
      if (input.isPresent() && uploads.containsKey(input.get().index())) {
        continue;
      }
      problems.add(new InputProblem(input.map(WorkflowInput::index), input.map(WorkflowInput::label)
          .orElse(missing.fieldName()), missing.nodeId(), missing.nodeName(), missing.fieldName(),
          "required, but has no value and no connection"));
    }
    NodeTemplates templates = services.templates().get();
    Set<String> connected = new HashSet<>();
    definition.edges().stream().filter(WorkflowEdge::isConnection)
        .forEach(e -> connected.add(e.target() + '\u0000' + e.targetHandle().orElse("")));
    for (WorkflowInput input : definition.inputs()) {
      // the GUI never checks the value of a connected field: the connection replaces it
      if (input.value().isEmpty() || connected.contains(input.nodeId() + '\u0000' + input.fieldName())) {
        continue;
      }
      templates.field(input.nodeType(), input.fieldName()).ifPresent(template -> {
        for (FieldProblem problem : template.validate(input.value().get())) {
          problems.add(new InputProblem(Optional.of(input.index()), input.label(), input.nodeId(), input.nodeName(),
              input.fieldName(), problem.message()));
        }
      });
    }
    return problems;
  }

  /** The output nodes of the workflow, in file order, with the form input of each one's board. */
  public synchronized List<WorkflowOutput> listOutputs() {
    Set<String> sources = new HashSet<>();
    for (WorkflowEdge edge : definition.edges()) {
      if (edge.isConnection()) {
        sources.add(edge.source());
      }
    }
    List<WorkflowOutput> outputs = new ArrayList<>();
    for (WorkflowNode node : definition.nodes()) {
      if (!node.isInvocation() || node.json().path("data").path("isIntermediate").asBoolean(false)) {
        continue;
      }
      if (node.field("board").isPresent() || !sources.contains(node.id())) {
        outputs.add(new WorkflowOutput(node.id(), node.type(), node.displayName(),
            inputOf(definition, node.id(), "board").map(WorkflowInput::index)));
      }
    }
    return outputs;
  }

  /**
   * The request {@link #submitSync()} would send now, built as the GUI builds it; nothing is sent.
   * An image input waiting for a local file shows the file's name as its image name (the server's
   * name is known only after the upload).
   */
  public synchronized EnqueueRequest preview() {
    WorkflowDefinition shown = definition;
    for (Map.Entry<Integer, Path> upload : uploads.entrySet()) {
      shown = shown.withValue(upload.getKey(), new ImageValue(upload.getValue().getFileName().toString()));
    }
    return request(shown, 1, List.of());
  }

  /** Each input index with the node field it stands for, in index order; save it to detect drift later. */
  public synchronized Map<Integer, InputRef> exportInputIndexMap() {
    Map<Integer, InputRef> map = new LinkedHashMap<>();
    for (WorkflowInput input : definition.inputs()) {
      map.put(input.index(), refOf(input));
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * How {@code saved} (from {@link #exportInputIndexMap()}, maybe of an older export of this
   * workflow) maps onto the inputs now, matched by node id and field name; an identity shown twice
   * is matched occurrence by occurrence.
   */
  public synchronized InputMapDrift verifyInputIndexMap(Map<Integer, InputRef> saved) {
    requireNonNull(saved, "saved == null");
    Map<List<String>, List<InputRef>> now = new LinkedHashMap<>();
    for (WorkflowInput input : definition.inputs()) {
      now.computeIfAbsent(List.of(input.nodeId(), input.fieldName()), k -> new ArrayList<>()).add(refOf(input));
    }
    Map<Integer, Integer> moved = new LinkedHashMap<>();
    List<InputRef> removed = new ArrayList<>();
    Set<Integer> matched = new HashSet<>();
    for (InputRef ref : new TreeMap<>(saved).values()) {
      List<InputRef> candidates = now.getOrDefault(List.of(ref.nodeId(), ref.fieldName()), List.of());
      Optional<InputRef> next = candidates.stream().filter(c -> !matched.contains(c.index())).findFirst();
      if (next.isPresent()) {
        matched.add(next.get().index());
        moved.put(ref.index(), next.get().index());
      } else {
        removed.add(ref);
      }
    }
    List<InputRef> added = new ArrayList<>();
    for (WorkflowInput input : definition.inputs()) {
      if (!matched.contains(input.index())) {
        added.add(refOf(input));
      }
    }
    return new InputMapDrift(moved, removed, added);
  }

  /**
   * A sweep of input {@code index} over {@code values}, for {@link #submitSweep(Sweep)}: one session
   * per value, each checked against the input's type.
   *
   * @throws InvalidInputException naming the input for an input the server cannot sweep or a value
   *     that does not fit
   */
  public synchronized Sweep sweep(int index, Object... values) {
    return definition.sweep(index, values);
  }

  // ------------------------------------------------------------------ models

  /**
   * Points every model field of every node (not only form inputs) at an installed model, so a
   * workflow exported on one server runs on another; mirrors the Python client's
   * {@code sync_dnn_model}. Tried in order, the first that finds anything wins: the same key or file
   * hash; with {@code byName}, the same name (same base and type, name compared ignoring case -
   * stricter than the Python client, because a loader only accepts its own base); with
   * {@code byBase}, any model of the same base, the same type preferred, the first by name.
   *
   * @return the fields that changed, as (original, resolved) pairs, in node order; empty when every
   *     field already named an installed model exactly
   * @throws UnresolvedModelException when a model field matches no installed model (then nothing
   *     is changed)
   */
  public synchronized List<ModelSync> syncDnnModel(boolean byName, boolean byBase) {
    List<ModelRecord> installed = services.models().list(Optional.empty(), Optional.empty());
    WorkflowDefinition synced = definition;
    List<ModelSync> changed = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (WorkflowField field : definition.fields()) {
      // read the JSON, not the typed value: identifiers of old exports may lack a hash
      JsonNode value = field.json().path("value");
      if (!value.isObject() || !value.path("key").isTextual() || !value.path("name").isTextual()) {
        continue;
      }
      Optional<Resolution> found = resolve(value, installed, byName, byBase);
      if (found.isEmpty()) {
        unresolved.add("node " + field.nodeId() + " field " + field.name() + " (model \"" + value.path("name").asText()
            + "\", base " + value.path("base").asText("?") + ", hash " + value.path("hash").asText("?")
            + "; tried key, hash" + (byName ? ", name" : "") + (byBase ? ", base" : "") + ")");
        continue;
      }
      ModelValue resolved = new ModelValue(identifier(found.get().model(), value));
      if (!resolved.toJson().equals(value)) {
        changed.add(new ModelSync(field.nodeId(), field.name(),
            inputOf(definition, field.nodeId(), field.name()).map(WorkflowInput::index), value, resolved,
            found.get().model(), found.get().strategy()));
        synced = synced.withFieldValue(field.nodeId(), field.name(), resolved);
      }
    }
    if (!unresolved.isEmpty()) {
      throw new UnresolvedModelException(unresolved);
    }
    definition = synced;
    return changed;
  }

  private record Resolution(ModelRecord model, ModelSync.Strategy strategy) {}

  private static Optional<Resolution> resolve(JsonNode value, List<ModelRecord> installed, boolean byName,
      boolean byBase) {
    Optional<ModelMatch> match = ModelMatcher.match(value, installed);
    if (match.isPresent()) {
      boolean exact = match.get().kind() == MatchKind.KEY || match.get().kind() == MatchKind.HASH;
      if (exact || byName) {
        return Optional.of(new Resolution(match.get().model(),
            exact ? ModelSync.Strategy.KEY_OR_HASH : ModelSync.Strategy.NAME));
      }
    }
    String base = value.path("base").asText("");
    if (!byBase || base.isEmpty() || "any".equals(base)) {
      return Optional.empty();
    }
    String type = value.path("type").asText("");
    List<ModelRecord> sameBase = installed.stream().filter(m -> base.equals(m.base())).toList();
    List<ModelRecord> sameType = sameBase.stream().filter(m -> type.equals(m.type())).toList();
    return (sameType.isEmpty() ? sameBase : sameType).stream()
        .min(Comparator.comparing(ModelRecord::name))
        .map(m -> new Resolution(m, ModelSync.Strategy.BASE));
  }

  /** The identifier of {@code model}; {@code submodel_type} kept from {@code original}. */
  private static ObjectNode identifier(ModelRecord model, JsonNode original) {
    ObjectNode identifier = ModelMatch.builder().model(model).kind(MatchKind.KEY).build().toIdentifier(original);
    if (!identifier.has("hash")) {
      // ModelIdentifierField requires a hash; records without one (old servers) get an empty one
      identifier.put("hash", "");
    }
    return identifier;
  }

  // ------------------------------------------------------------------ submit

  /**
   * Checks the inputs, uploads local image files, enqueues the workflow once and reads the new
   * items' session ids. Returns when the server has queued it, not when it ran.
   *
   * @throws IllegalStateException naming each problem when {@link #validateInputs()} finds any
   *     (nothing is sent)
   * @throws EnqueueRejectedException when the server rejects the request (422); each problem names
   *     the form input it is on, when it is on one
   * @throws InvokeStorageException when a local image file cannot be read
   */
  public Submission submitSync() {
    return enqueue(1, List.of());
  }

  /**
   * {@link #submitSync() Submits} on the calling thread (so a rejection is thrown here) and returns
   * a future of the finished item, waiting up to the default five minutes.
   */
  public CompletableFuture<QueueItem> submit() {
    return submit(DEFAULT_TIMEOUT, IGNORE);
  }

  /**
   * {@link #submitSync() Submits} on the calling thread and returns a future of the finished item
   * (the last one when the workflow's batch nodes made several); {@code updates} gets status
   * changes and progress on a waiting thread. The future fails with {@link WaitTimeoutException}
   * after {@code timeout}.
   */
  public CompletableFuture<QueueItem> submit(Duration timeout, Consumer<? super JobUpdate> updates) {
    QueueWaiter.positive(timeout, "timeout");
    requireNonNull(updates, "updates == null");
    Submission submission = submitSync();
    return CompletableFuture.supplyAsync(() -> awaitSubmission(submission, DEFAULT_POLL, timeout, updates),
        services.executor());
  }

  /** {@link #waitForCompletionSync(Duration, Duration, Consumer)} with a 500 ms poll interval and 5 minutes. */
  public QueueItem waitForCompletionSync() {
    return waitForCompletionSync(DEFAULT_POLL, DEFAULT_TIMEOUT, IGNORE);
  }

  /** {@link #waitForCompletionSync(Duration, Duration, Consumer)} with a 500 ms poll interval. */
  public QueueItem waitForCompletionSync(Duration timeout) {
    return waitForCompletionSync(DEFAULT_POLL, timeout, IGNORE);
  }

  /**
   * Waits until the last submission's items finished and returns the finished item (the last one
   * when the workflow's batch nodes made several), with its results. Completion is noticed from
   * the event stream; the items are polled every {@code poll} only while the stream is not
   * connected, and re-read after each reconnect, so a completion during a disconnect is not missed.
   * Images uploaded for the submission are deleted afterwards when asked.
   *
   * @param updates told of each status change and progress event, on this thread
   * @throws IllegalStateException when nothing was submitted
   * @throws WaitTimeoutException naming the items and their last known status when {@code timeout}
   *     passes first (they keep running)
   */
  public QueueItem waitForCompletionSync(Duration poll, Duration timeout, Consumer<? super JobUpdate> updates) {
    QueueWaiter.positive(poll, "poll");
    QueueWaiter.positive(timeout, "timeout");
    requireNonNull(updates, "updates == null");
    return awaitSubmission(lastSubmission(), poll, timeout, updates);
  }

  /** {@link #waitForCompletionSync()} on a waiting thread. */
  public CompletableFuture<QueueItem> waitForCompletion() {
    return waitForCompletion(DEFAULT_TIMEOUT, IGNORE);
  }

  /**
   * {@link #waitForCompletionSync(Duration, Duration, Consumer)} on a waiting thread.
   *
   * @throws IllegalStateException when nothing was submitted
   */
  public CompletableFuture<QueueItem> waitForCompletion(Duration timeout, Consumer<? super JobUpdate> updates) {
    QueueWaiter.positive(timeout, "timeout");
    requireNonNull(updates, "updates == null");
    Submission submission = lastSubmission();
    return CompletableFuture.supplyAsync(() -> awaitSubmission(submission, DEFAULT_POLL, timeout, updates),
        services.executor());
  }

  /**
   * Cancels the unfinished items of the last submission (sweep or not); returns how many were
   * canceled.
   *
   * @throws IllegalStateException when nothing was submitted
   */
  public int cancel() {
    return services.queue().cancelBatches(List.of(lastSubmission().batchId()));
  }

  /** The last submission (of {@link #submitSync()}, {@link #submit()} or a sweep); empty before the first. */
  public synchronized Optional<Submission> findLastSubmission() {
    return last;
  }

  /** {@link #submitSweep(Sweep, int, Duration, Consumer)} once, waiting up to an hour. */
  public SweepHandle submitSweep(Sweep sweep) {
    return submitSweep(sweep, 1, Duration.ofHours(1), IGNORE);
  }

  /**
   * Enqueues the workflow with {@code sweep} as ONE request: the server makes one item per value
   * combination and run ({@code runs × sweep.sessionCount()}, times the workflow's own batch nodes).
   * A waiting thread follows every item from now on; the returned handle gives per-item futures,
   * outputs, progress counts and cancel.
   *
   * @param runs how often the whole batch runs (the GUI's iterations), at least 1
   * @param timeout how long the waiting thread follows the items; unfinished items' futures then
   *     fail with {@link WaitTimeoutException}
   * @param updates told of each item's status changes and progress, on the waiting thread
   * @throws IllegalStateException as {@link #submitSync()}, when an input is missing
   * @throws EnqueueRejectedException as {@link #submitSync()}, when the server rejects the request
   */
  public SweepHandle submitSweep(Sweep sweep, int runs, Duration timeout, Consumer<? super JobUpdate> updates) {
    requireNonNull(sweep, "sweep == null");
    QueueWaiter.positive(timeout, "timeout");
    requireNonNull(updates, "updates == null");
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs);
    }
    Submission submission = enqueue(runs, List.of(sweep));
    SweepHandle handle = new SweepHandle(this, services.queue(), submission);
    Consumer<JobUpdate> both = update -> {
      handle.record(update);
      updates.accept(update);
    };
    CompletableFuture.runAsync(() -> {
      try {
        services.waiter().await(submission.itemIds(), DEFAULT_POLL, timeout, both, handle::finish);
      } catch (RuntimeException e) {
        handle.fail(e);
      } finally {
        deleteUploads(submission);
      }
    }, services.executor());
    return handle;
  }

  // ------------------------------------------------------------------ outputs

  /**
   * The output nodes of a finished item and their images, with the form input of each node's board
   * (see {@link OutputMapper} for which nodes count and where names come from). Videos are not
   * images: {@link #mapOutputsToVideos(QueueItem)} gives them.
   */
  public List<OutputMapping> mapOutputsToImages(QueueItem item) {
    requireNonNull(item, "item == null");
    WorkflowDefinition current = definition();
    List<OutputMapping> mappings = new ArrayList<>();
    for (NodeOutput output : OutputMapper.map(item)) {
      mappings.add(new OutputMapping(output.nodeId(), output.nodeType(),
          inputOf(current, output.nodeId(), "board").map(WorkflowInput::index), output.boardId(), output.tier(),
          output.imageNames()));
    }
    return mappings;
  }

  /**
   * The nodes of a finished item that produced videos (the Wan 2.2 workflows' {@code video_output}
   * results) and their names, for {@code client.videos().download(name)}.
   */
  public List<VideoOutput> mapOutputsToVideos(QueueItem item) {
    return VideoOutput.of(item);
  }

  // ------------------------------------------------------------------ internals

  private synchronized Submission lastSubmission() {
    return last.orElseThrow(() -> new IllegalStateException("nothing was submitted yet: call submitSync() first"));
  }

  private Submission enqueue(int runs, List<Sweep> sweeps) {
    WorkflowDefinition values;
    Map<Integer, Path> files;
    boolean deleteAfter;
    synchronized (this) {
      List<InputProblem> problems = validateInputs();
      if (!problems.isEmpty()) {
        throw new IllegalStateException("workflow \"" + definition.name() + "\" cannot run: "
            + String.join("; ", problems.stream().map(InputProblem::describe).toList()));
      }
      values = definition;
      files = new TreeMap<>(uploads);
      deleteAfter = deleteUploadsAfterRun;
    }
    List<ImageName> uploaded = new ArrayList<>();
    EnqueueResult result;
    try {
      for (Map.Entry<Integer, Path> file : files.entrySet()) {
        ImageName name = upload(file.getValue());
        uploaded.add(name);
        values = values.withValue(file.getKey(), new ImageValue(name.value()));
      }
      EnqueueRequest request = request(values, runs, sweeps);
      try {
        result = services.queue().enqueue(request);
      } catch (EnqueueRejectedException e) {
        WorkflowDefinition sent = values;
        throw e.mapProblems(problem -> onInput(sent, problem));
      }
    } catch (RuntimeException e) {
      if (deleteAfter) {
        deleteQuietly(uploaded);
      }
      throw e;
    }
    List<String> sessions = new ArrayList<>();
    for (QueueItem item : services.queue().list(result.itemIds())) {
      item.sessionId().ifPresent(sessions::add);
    }
    Submission submission = new Submission(result.batchId(), result.itemIds(), sessions,
        deleteAfter ? uploaded : List.of());
    synchronized (this) {
      last = Optional.of(submission);
    }
    return submission;
  }

  private EnqueueRequest request(WorkflowDefinition values, int runs, List<Sweep> sweeps) {
    EnqueueRequest.WorkflowRequest request = EnqueueRequest.forWorkflow(values).runs(runs);
    autoAddBoard().ifPresent(request::autoAddBoard);
    sweeps.forEach(request::sweep);
    return request.build();
  }

  private synchronized Optional<String> autoAddBoard() {
    return autoAddBoard;
  }

  private ImageName upload(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvokeStorageException("cannot read " + file + " to upload it: " + e.getMessage(), e);
    }
    ImageInfo info = services.images().upload(bytes, file.getFileName().toString(), ImageCategory.USER,
        Optional.empty(), false);
    return info.name();
  }

  private QueueItem awaitSubmission(Submission submission, Duration poll, Duration timeout,
      Consumer<? super JobUpdate> updates) {
    try {
      List<QueueItem> items = services.waiter().await(submission.itemIds(), poll, timeout, updates, item -> { });
      if (items.isEmpty()) {
        throw new IllegalStateException("batch " + submission.batchId().value()
            + " has no queue items (the server's queue was full)");
      }
      return items.get(items.size() - 1);
    } finally {
      deleteUploads(submission);
    }
  }

  /** Deletes the submission's uploads once its items finished (they are listed only when asked to delete). */
  void deleteUploads(Submission submission) {
    if (!submission.uploadedImages().isEmpty() && services.queue().list(submission.itemIds()).stream()
        .allMatch(QueueItem::isTerminal)) {
      deleteQuietly(submission.uploadedImages());
    }
  }

  private void deleteQuietly(List<ImageName> images) {
    if (images.isEmpty()) {
      return;
    }
    try {
      services.images().delete(images);
    } catch (RuntimeException e) {
      log.warn("could not delete uploaded images {}: {}", images, e.toString());
    }
  }

  private static EnqueueProblem onInput(WorkflowDefinition values, EnqueueProblem problem) {
    if (problem.inputIndex().isPresent() || problem.nodeId().isEmpty() || problem.field().isEmpty()) {
      return problem;
    }
    return inputOf(values, problem.nodeId().get(), problem.field().get())
        .map(input -> EnqueueProblem.builder().from(problem).inputIndex(input.index())
            .inputLabel(input.label()).build())
        .orElse(problem);
  }

  private static Optional<WorkflowInput> inputOf(WorkflowDefinition values, String nodeId, String fieldName) {
    return values.inputs().stream()
        .filter(i -> i.nodeId().equals(nodeId) && i.fieldName().equals(fieldName))
        .findFirst();
  }

  private static InputRef refOf(WorkflowInput input) {
    return new InputRef(input.index(), input.nodeId(), input.fieldName(), input.label());
  }

  /** {@code input 3 "Width" (node "Resize" #abc, field width)}. */
  private static String describe(WorkflowInput input) {
    return "input " + input.index() + " \"" + input.label() + "\" (node \"" + input.nodeName() + "\" #"
        + input.nodeId() + ", field " + input.fieldName() + ")";
  }

  @Override
  public synchronized String toString() {
    return "WorkflowHandle[" + definition + ", uploads=" + uploads.size() + "]";
  }
}
