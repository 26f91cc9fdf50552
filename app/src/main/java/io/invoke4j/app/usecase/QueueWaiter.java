package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.event.InvocationProgress;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.event.QueueCleared;
import io.invoke4j.domain.event.QueueItemStatusChanged;
import io.invoke4j.domain.event.QueueItemsCanceled;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.QueueGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Waits for queue items to reach a terminal status, driven by the event stream.
 *
 * <p>Events are handed from the stream's thread to the waiting thread through a queue, so updates
 * and completions run on the waiting thread and the stream's thread never blocks. The items are
 * re-read from the server (one {@code list} call) when waiting starts (they may have finished before
 * the subscription), after every reconnect (a completion may have happened while disconnected) and,
 * while the stream is not connected, once per poll interval: polling is the fallback, not the design.
 */
final class QueueWaiter {
  /** Put on the signal queue when the stream (re)connects: re-read everything. */
  private static final Object RESYNC = new Object();

  private final QueueGateway queue;
  private final EventStream events;

  QueueWaiter(QueueGateway queue, EventStream events) {
    this.queue = requireNonNull(queue, "queue == null");
    this.events = requireNonNull(events, "events == null");
  }

  /**
   * Waits until every item of {@code ids} is terminal and returns them, in {@code ids} order, as
   * read after they finished (with their results).
   *
   * @param updates told of each status change and progress event
   * @param finished told of each item as soon as it is terminal
   * @throws WaitTimeoutException when {@code timeout} passes first
   * @throws InvokeException when an item disappears from the server (deleted, queue cleared)
   * @throws CancellationException when the waiting thread is interrupted (its flag is set again)
   */
  List<QueueItem> await(List<QueueItemId> ids, Duration poll, Duration timeout,
      Consumer<? super JobUpdate> updates, Consumer<? super QueueItem> finished) {
    return new Wait(ids, poll, timeout, updates, finished).run();
  }

  /** The state of one wait; used by one thread. */
  private final class Wait implements EventStream.Listener {
    private final List<QueueItemId> ids;
    private final Set<QueueItemId> wanted;
    private final Set<QueueItemId> pending;
    private final Map<QueueItemId, QueueItem> done = new HashMap<>();
    private final Map<QueueItemId, QueueItemStatus> lastStatus = new HashMap<>();
    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private final long pollNanos;
    private final Duration timeout;
    private final Consumer<? super JobUpdate> updates;
    private final Consumer<? super QueueItem> finished;

    Wait(List<QueueItemId> ids, Duration poll, Duration timeout, Consumer<? super JobUpdate> updates,
        Consumer<? super QueueItem> finished) {
      this.ids = List.copyOf(ids);
      this.wanted = Set.copyOf(ids);
      this.pending = new LinkedHashSet<>(ids);
      this.pollNanos = positive(poll, "poll").toNanos();
      this.timeout = positive(timeout, "timeout");
      this.updates = requireNonNull(updates, "updates == null");
      this.finished = requireNonNull(finished, "finished == null");
    }

    List<QueueItem> run() {
      long deadline = System.nanoTime() + timeout.toNanos();
      EventStream.Subscription subscription = events.subscribe(this);
      try {
        resync(List.copyOf(pending));
        while (!pending.isEmpty()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw timedOut();
          }
          Object signal = signals.poll(Math.min(pollNanos, left), TimeUnit.NANOSECONDS);
          if (signal == null) {
            if (!events.isConnected()) {
              resync(List.copyOf(pending));
            }
          } else if (signal == RESYNC) {
            resync(List.copyOf(pending));
          } else {
            handle((InvokeEvent) signal);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        CancellationException cancelled = new CancellationException("interrupted while waiting for queue items "
            + pending.stream().map(id -> String.valueOf(id.value())).toList());
        cancelled.initCause(e);
        throw cancelled;
      } finally {
        subscription.close();
      }
      List<QueueItem> items = new ArrayList<>(ids.size());
      ids.forEach(id -> items.add(done.get(id)));
      return items;
    }

    // --- the stream's thread: only hand over

    @Override
    public void onEvent(InvokeEvent event) {
      if (event.itemId().map(wanted::contains).orElse(false) || event instanceof QueueCleared
          || event instanceof QueueItemsCanceled) {
        signals.add(event);
      }
    }

    @Override
    public void onConnected() {
      signals.add(RESYNC);
    }

    // --- the waiting thread

    private void handle(InvokeEvent event) {
      if (event instanceof QueueItemStatusChanged changed) {
        QueueItemId id = changed.item();
        if (!pending.contains(id)) {
          return;
        }
        report(id, changed.status(), changed.statusText(), changed.errorMessage());
        if (changed.status().isTerminal()) {
          // the event carries no results: read the finished item once
          QueueItem item = queue.find(id).orElseThrow(() -> gone(id));
          accept(item);
        }
      } else if (event instanceof InvocationProgress progress) {
        if (pending.contains(progress.item())) {
          updates.accept(new JobUpdate.Progress(progress.item(), progress.sourceNodeId(), progress.nodeType(),
              progress.message(), progress.percentage()));
        }
      } else if (event instanceof QueueItemsCanceled canceled) {
        // a bulk cancel sends no per-item status events
        List<QueueItemId> ours = canceled.canceledItemIds().stream().filter(pending::contains).toList();
        if (!ours.isEmpty()) {
          resync(ours);
        }
      } else if (event instanceof QueueCleared) {
        resync(List.copyOf(pending));
      }
    }

    private void resync(List<QueueItemId> toRead) {
      Map<QueueItemId, QueueItem> read = new HashMap<>();
      for (QueueItem item : queue.list(toRead)) {
        read.put(item.itemId(), item);
      }
      for (QueueItemId id : toRead) {
        QueueItem item = read.get(id);
        if (item == null) {
          throw gone(id);
        }
        accept(item);
      }
    }

    private void accept(QueueItem item) {
      QueueItemId id = item.itemId();
      if (!pending.contains(id)) {
        return;
      }
      report(id, item.status(), item.statusText(), item.errorMessage());
      if (item.isTerminal()) {
        pending.remove(id);
        done.put(id, item);
        finished.accept(item);
      }
    }

    private void report(QueueItemId id, QueueItemStatus status, String text, Optional<String> error) {
      if (lastStatus.put(id, status) != status) {
        updates.accept(new JobUpdate.StatusChange(id, status, text, error));
      }
    }

    private WaitTimeoutException timedOut() {
      Map<QueueItemId, QueueItemStatus> unfinished = new LinkedHashMap<>();
      pending.forEach(id -> unfinished.put(id, lastStatus.getOrDefault(id, QueueItemStatus.PENDING)));
      return new WaitTimeoutException(unfinished, timeout);
    }

    private InvokeException gone(QueueItemId id) {
      return new InvokeException("queue item " + id.value() + " no longer exists on the server (deleted, or the"
          + " queue was cleared); last known status: "
          + lastStatus.getOrDefault(id, QueueItemStatus.PENDING).wire());
    }
  }

  static Duration positive(Duration duration, String name) {
    requireNonNull(duration, name + " == null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
    return duration;
  }
}
