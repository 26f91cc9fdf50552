package io.invoke4j.adapter.memory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.WorkflowRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An InvokeAI 6.14 server in memory, for tests without a GPU: one queue, image store, boards,
 * models and workflow library behind the same ports as the HTTP adapter.
 *
 * <pre>{@code
 * try (MemoryInvokeAI invoke = MemoryInvokeAI.create()) {
 *   EnqueueResult result = invoke.queue().enqueue(request);
 *   invoke.awaitIdle(Duration.ofSeconds(5));
 *   QueueItem item = invoke.queue().find(result.itemIds().get(0)).orElseThrow();
 * }
 * }</pre>
 *
 * <p>By default a background thread runs pending items one at a time, as the server does; with
 * {@link Builder#manualProcessing()} nothing runs until the test calls {@link #runPending()}.
 * Model-less nodes run for real (primitives, math, strings, collect, blank/resize/blur/crop/paste/
 * save images); other image nodes give a grey placeholder; nodes that need a model fail with
 * {@code Exception: Unknown model <key>} as on a server without models.
 */
public final class MemoryInvokeAI implements AutoCloseable {
  final Object lock = new Object();
  final Clock clock;
  final NodeCatalog catalog = NodeCatalog.shipped();
  final String version;
  final boolean manual;
  final TreeMap<Long, Item> items = new TreeMap<>();
  final Map<String, StoredImage> images = new LinkedHashMap<>();
  final Map<String, Board> boards = new LinkedHashMap<>();
  final Map<String, WorkflowRecord> workflows = new LinkedHashMap<>();
  final List<ModelRecord> models;
  final Map<String, NodeFailure> failures = new HashMap<>();
  final Map<String, Duration> delays = new HashMap<>();
  long nextItemId = 1;
  boolean processorStarted = true;
  boolean closed;
  Long current;

  private final FakeQueueGateway queue;
  private final FakeImageGateway imageGateway;
  private final FakeVideoGateway videoGateway;
  private final FakeBoardGateway boardGateway;
  private final FakeModelGateway modelGateway;
  private final FakeWorkflowLibrary library;
  private final FakeServerGateway server;
  private final FakeEventStream events;
  private final SessionRunner runner;
  private final Thread processor;

  /** A board's mutable state; guarded by the lock. */
  static final class Board {
    final String id;
    final Instant createdAt;
    String name;
    boolean archived;

    Board(String id, String name, Instant createdAt) {
      this.id = id;
      this.name = name;
      this.createdAt = createdAt;
    }
  }

  private MemoryInvokeAI(Builder builder) {
    this.clock = builder.clock;
    this.version = builder.version;
    this.manual = builder.manual;
    this.models = new java.util.concurrent.CopyOnWriteArrayList<>(builder.models);
    this.events = new FakeEventStream();
    this.queue = new FakeQueueGateway(this);
    this.imageGateway = new FakeImageGateway(this);
    this.videoGateway = new FakeVideoGateway(this);
    this.boardGateway = new FakeBoardGateway(this);
    this.modelGateway = new FakeModelGateway(this);
    this.library = new FakeWorkflowLibrary(this);
    this.server = new FakeServerGateway(this);
    this.runner = new SessionRunner(this);
    if (manual) {
      processor = null;
    } else {
      processor = new Thread(this::processLoop, "memory-invokeai-processor");
      processor.setDaemon(true);
      processor.start();
    }
  }

  /** A server that runs items in the background, with the system clock and no models. */
  public static MemoryInvokeAI create() {
    return builder().build();
  }

  /** A builder for a clock, manual processing, models or another version. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MemoryInvokeAI}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private boolean manual;
    private String version = "6.14.2";
    private final List<ModelRecord> models = new ArrayList<>();

    private Builder() {}

    /** The clock of every timestamp (items, images, boards, workflows). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** Nothing runs by itself: the test calls {@link #runPending()} or {@link #runNext()}. */
    public Builder manualProcessing() {
      this.manual = true;
      return this;
    }

    /** The version {@code server().version()} reports; 6.14.2 by default. */
    public Builder version(String version) {
      this.version = requireNonNull(version, "version == null");
      return this;
    }

    /** An installed model (listed by the model gateway; nodes still cannot run it). */
    public Builder model(ModelRecord model) {
      models.add(requireNonNull(model, "model == null"));
      return this;
    }

    /** The server. */
    public MemoryInvokeAI build() {
      return new MemoryInvokeAI(this);
    }
  }

  /** The session queue. */
  public FakeQueueGateway queue() {
    return queue;
  }

  /** The images. */
  public FakeImageGateway images() {
    return imageGateway;
  }

  /** The videos (kept, not decoded). */
  public FakeVideoGateway videos() {
    return videoGateway;
  }

  /** The boards. */
  public FakeBoardGateway boards() {
    return boardGateway;
  }

  /** The installed models. */
  public FakeModelGateway models() {
    return modelGateway;
  }

  /** The workflow library. */
  public FakeWorkflowLibrary workflows() {
    return library;
  }

  /** The version and OpenAPI document. */
  public FakeServerGateway server() {
    return server;
  }

  /** The event stream. */
  public FakeEventStream events() {
    return events;
  }

  /**
   * From now on, nodes whose id or type is {@code nodeIdOrType} fail with {@code errorType} and
   * {@code message} (e.g. {@code "OutOfMemoryError"}, {@code "CUDA out of memory"}).
   */
  public void failNode(String nodeIdOrType, String errorType, String message) {
    synchronized (lock) {
      failures.put(requireNonNull(nodeIdOrType, "nodeIdOrType == null"),
          new NodeFailure(requireNonNull(errorType, "errorType == null"), requireNonNull(message, "message == null")));
    }
  }

  /** From now on, nodes whose id or type is {@code nodeIdOrType} take {@code delay} (real time) to run. */
  public void delayNode(String nodeIdOrType, Duration delay) {
    synchronized (lock) {
      delays.put(requireNonNull(nodeIdOrType, "nodeIdOrType == null"), requireNonNull(delay, "delay == null"));
    }
  }

  /** Removes every failure and delay injected so far. */
  public void resetInjections() {
    synchronized (lock) {
      failures.clear();
      delays.clear();
    }
  }

  /** Drops the event stream's connection: listeners hear {@code onDisconnected}, events are lost. */
  public void dropEventStream(String reason) {
    events.drop(requireNonNull(reason, "reason == null"));
  }

  /** Re-establishes a dropped event stream: listeners hear {@code onConnected}. */
  public void reconnectEventStream() {
    events.reconnect();
  }

  /**
   * Runs pending items on the caller's thread until none is left or the processor is paused;
   * returns how many ran. Only with {@link Builder#manualProcessing()}.
   */
  public int runPending() {
    int ran = 0;
    while (runNext()) {
      ran++;
    }
    return ran;
  }

  /** Runs the next pending item on the caller's thread; false when there was none to run. */
  public boolean runNext() {
    if (!manual) {
      throw new IllegalStateException("runNext() needs MemoryInvokeAI.builder().manualProcessing()");
    }
    Item item;
    List<InvokeEvent> started = new ArrayList<>();
    synchronized (lock) {
      item = processorStarted ? nextPending() : null;
      if (item == null) {
        return false;
      }
      start(item, started);
    }
    events.emitAll(started);
    runner.run(item);
    return true;
  }

  /**
   * Waits until no item is pending or running (or the processor is paused with none running).
   *
   * @throws IllegalStateException when that takes longer than {@code timeout}
   */
  public void awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (current != null || (processorStarted && !manual && nextPending() != null)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("the in-memory queue is still busy after " + timeout);
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the queue", e);
        }
      }
    }
  }

  /** Stops the processor thread and the event stream. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    events.close();
  }

  Instant now() {
    return clock.instant();
  }

  String newId() {
    return UUID.randomUUID().toString();
  }

  /** The next item to run: highest priority, then lowest id. Under the lock. */
  Item nextPending() {
    Item best = null;
    for (Item item : items.values()) {
      if (item.status == QueueItemStatus.PENDING && (best == null || item.priority > best.priority)) {
        best = item;
      }
    }
    return best;
  }

  /** Marks the item in progress. Under the lock. */
  void start(Item item, List<InvokeEvent> out) {
    item.status = QueueItemStatus.IN_PROGRESS;
    item.startedAt = now();
    item.updatedAt = item.startedAt;
    current = item.id;
    out.add(queue.statusChanged(item));
  }

  /** The item left in_progress. Under the lock. */
  void finished(Item item) {
    if (current != null && current == item.id) {
      current = null;
    }
    lock.notifyAll();
  }

  /** Wakes the processor (new items, resumed). Under the lock. */
  void wake() {
    lock.notifyAll();
  }

  void emit(InvokeEvent event) {
    events.emit(event);
  }

  Optional<JsonNode> workflowOf(Item item) {
    return item.workflow;
  }

  private void processLoop() {
    while (true) {
      Item item;
      List<InvokeEvent> started = new ArrayList<>();
      synchronized (lock) {
        while (!closed && (!processorStarted || nextPending() == null)) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        item = nextPending();
        start(item, started);
      }
      events.emitAll(started);
      try {
        runner.run(item);
      } catch (RuntimeException e) {
        synchronized (lock) {
          finished(item);
        }
      }
    }
  }
}
