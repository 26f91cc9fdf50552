package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.event.InvocationProgress;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.event.QueueCleared;
import io.invoke4j.domain.event.QueueItemStatusChanged;
import io.invoke4j.domain.event.QueueItemsCanceled;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.QueueWedge;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for queue items to reach a terminal status, driven by the event stream.
 *
 * <p>Events are handed from the stream's thread to the waiting thread through a queue, so updates
 * and completions run on the waiting thread and the stream's thread never blocks. The items are
 * re-read from the server (one {@code list} call) when waiting starts (they may have finished before
 * the subscription), after every reconnect (a completion may have happened while disconnected) and,
 * while the stream is not connected, once per poll interval: polling is the fallback, not the design.
 *
 * <p>A server that cannot be reached does not end a wait: a restarting InvokeAI refuses connections
 * for half a minute and then cancels what was in progress. A read that fails for that reason (a
 * transport failure, or 502/503/504 from a proxy in front of it) is tried again at every poll
 * interval until it succeeds or the wait times out; the timeout then names the last such failure.
 *
 * <p>A wedged queue ends a wait: every {@link JobHandle#WEDGE_CHECK_EVERY} (and when an item
 * vanishes from {@code items_by_ids}, which skips an item the server cannot read) the queue is
 * checked as {@link QueueRepository#checkWedged()} does, and a wedge ends the wait with a
 * {@link QueueWedgedException} explaining it instead of running into the timeout.
 */
final class QueueWaiter {
  private static final Logger log = LoggerFactory.getLogger(QueueWaiter.class);
  /** Put on the signal queue when the stream (re)connects: re-read everything. */
  private static final Object RESYNC = new Object();

  private final QueueGateway queue;
  private final EventStream events;
  private final Duration wedgeCheckEvery;

  QueueWaiter(QueueGateway queue, EventStream events) {
    this(queue, events, JobHandle.WEDGE_CHECK_EVERY);
  }

  QueueWaiter(QueueGateway queue, EventStream events, Duration wedgeCheckEvery) {
    this.queue = requireNonNull(queue, "queue == null");
    this.events = requireNonNull(events, "events == null");
    this.wedgeCheckEvery = positive(wedgeCheckEvery, "wedgeCheckEvery");
  }

  /**
   * Waits until every item of {@code ids} is terminal and returns them, in {@code ids} order, as
   * read after they finished (with their results).
   *
   * @param updates told of each status change and progress event
   * @param finished told of each item as soon as it is terminal
   * @throws WaitTimeoutException when {@code timeout} passes first
   * @throws QueueWedgedException when the queue is wedged, so the items would never finish
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
    /** The last read that failed because the server could not be reached; null once one succeeds. */
    private InvokeException unreachable;

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
      long nextWedgeCheck = System.nanoTime() + wedgeCheckEvery.toNanos();
      EventStream.Subscription subscription = events.subscribe(this);
      try {
        resync(List.copyOf(pending));
        while (!pending.isEmpty()) {
          long now = System.nanoTime();
          if (now - nextWedgeCheck >= 0) {
            throwIfWedged(null);
            nextWedgeCheck = now + wedgeCheckEvery.toNanos();
          }
          long left = deadline - now;
          if (left <= 0) {
            throw timedOut();
          }
          long wait = Math.min(Math.min(pollNanos, left), Math.max(1, nextWedgeCheck - now));
          Object signal = signals.poll(wait, TimeUnit.NANOSECONDS);
          if (signal == null) {
            if (!events.isConnected() || unreachable != null) {
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
          try {
            accept(queue.find(id).orElseThrow(() -> gone(id)));
          } catch (InvokeTransportException | InvokeHttpException e) {
            unreachableOrThrow(e);
          }
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
      List<QueueItem> items;
      try {
        items = queue.list(toRead);
      } catch (InvokeTransportException | InvokeHttpException e) {
        unreachableOrThrow(e);
        return;
      }
      if (unreachable != null) {
        log.info("the server answers again; reading queue items {}", describe(toRead));
        unreachable = null;
      }
      Map<QueueItemId, QueueItem> read = new HashMap<>();
      for (QueueItem item : items) {
        read.put(item.itemId(), item);
      }
      for (QueueItemId id : toRead) {
        QueueItem item = read.get(id);
        if (item == null) {
          InvokeException gone = gone(id);
          throwIfWedged(gone);
          throw gone;
        }
        accept(item);
      }
    }

    /**
     * Keeps waiting when the server could not be reached (a transport failure, or 502/503/504
     * from a proxy in front of it); rethrows anything else.
     */
    private void unreachableOrThrow(InvokeException failure) {
      if (failure instanceof InvokeHttpException http
          && http.status() != 502 && http.status() != 503 && http.status() != 504) {
        throw http;
      }
      unreachable(failure);
    }

    /** Keeps waiting: the next poll reads again, whatever the stream says. */
    private void unreachable(InvokeException failure) {
      if (unreachable == null) {
        log.warn("cannot read queue items {} ({}); trying again every poll interval until the wait"
            + " times out", describe(pending), failure.getMessage());
      }
      unreachable = failure;
    }

    private String describe(java.util.Collection<QueueItemId> items) {
      return items.stream().map(id -> String.valueOf(id.value())).toList().toString();
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
      WaitTimeoutException timedOut = new WaitTimeoutException(unfinished, timeout);
      if (unreachable != null) {
        timedOut.initCause(unreachable); // the server could not be reached at the end
      }
      return timedOut;
    }

    /**
     * Throws a {@link QueueWedgedException} when the queue is wedged now; a check the server does
     * not answer (unreachable, an error) leaves the wait as it is.
     */
    private void throwIfWedged(InvokeException cause) {
      Optional<QueueWedge> wedge;
      try {
        wedge = QueueRepository.checkWedged(queue);
      } catch (InvokeException e) {
        log.debug("cannot check whether the queue is wedged: {}", e.getMessage());
        return;
      }
      if (wedge.isPresent()) {
        throw new QueueWedgedException(wedge.get(), cause);
      }
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
