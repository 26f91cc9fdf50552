package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.event.ModelInstallEvent;
import io.invoke4j.domain.models.InstallStatus;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.ModelGateway;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One model install job (the Python client's {@code ModelInstJobHandle}): refresh, status,
 * progress, wait, cancel, and {@link #raiseIfFailed()} with the server's error. Made by
 * {@link DnnModelRepository#installModel}. Thread-safe.
 */
public final class ModelInstallJobHandle {
  private static final Duration MAX_POLL = Duration.ofSeconds(2);

  private final ModelGateway models;
  private final Optional<EventStream> events;
  private volatile ModelInstallJob job;

  ModelInstallJobHandle(ModelGateway models, Optional<EventStream> events, ModelInstallJob job) {
    this.models = models;
    this.events = events;
    this.job = job;
  }

  /** The server's id of the job. */
  public long id() {
    return job.id();
  }

  /** The job as last read. */
  public ModelInstallJob job() {
    return job;
  }

  /**
   * Reads the job again.
   *
   * @throws InvokeException when the server no longer knows the job (pruned, or the server restarted)
   */
  public ModelInstallJob refresh() {
    job = models.findInstallJob(job.id()).orElseThrow(() -> new InvokeException(
        "model install job " + job.id() + " no longer exists on the server (pruned, or the server restarted)"));
    return job;
  }

  /** The status as last read ({@link #refresh()} to read it again). */
  public InstallStatus status() {
    return job.status();
  }

  /** The fraction done, 0 to 1, as last read. */
  public double progress() {
    return job.progress();
  }

  /** Whether the job is completed, failed or cancelled, as last read. */
  public boolean isDone() {
    return job.isTerminal();
  }

  /**
   * Waits until the job is terminal and returns it. With an event stream (a client's repository),
   * a {@code model_install_*} event of this job ends the wait at once (its status is then read from
   * the server); the job is also re-read every 200 ms, slowing to 2 s, as a fallback for a
   * disconnected stream or a user who gets no model events (a non-admin of a multiuser server).
   *
   * @throws InvokeException when {@code timeout} passes first
   *     (the job keeps running on the server)
   */
  public ModelInstallJob waitUntilDone(Duration timeout) {
    QueueWaiter.positive(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    BlockingQueue<ModelInstallEvent> signals = new LinkedBlockingQueue<>();
    long id = job.id();
    Optional<EventStream.Subscription> subscription = events.map(stream -> stream.subscribe(event -> {
      if (event instanceof ModelInstallEvent install && install.jobId() == id) {
        signals.add(install);
      }
    }));
    try {
      long sleepMillis = 200;
      ModelInstallJob current = job.isTerminal() ? job : refresh();
      while (!current.isTerminal()) {
        long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (leftMillis <= 0) {
          throw new InvokeException("model install job " + current.id() + " (" + current.source()
              + ") did not finish within " + timeout + "; last status: " + current.statusText()
              + String.format(Locale.ROOT, ", %.0f%% done", 100 * current.progress()));
        }
        ModelInstallEvent event;
        try {
          event = signals.poll(Math.min(sleepMillis, leftMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InvokeException("interrupted while waiting for model install job " + current.id(), e);
        }
        if (event == null) {
          sleepMillis = Math.min(MAX_POLL.toMillis(), sleepMillis * 2);
          current = refresh();
        } else if (isFinal(event.kind())) {
          current = refresh();
        }
      }
      return current;
    } finally {
      subscription.ifPresent(EventStream.Subscription::close);
    }
  }

  private static boolean isFinal(ModelInstallEvent.Kind kind) {
    return kind == ModelInstallEvent.Kind.COMPLETE || kind == ModelInstallEvent.Kind.ERROR
        || kind == ModelInstallEvent.Kind.CANCELLED;
  }

  /** Cancels the job (a finished job stays as it is) and reads it again. */
  public ModelInstallJob cancel() {
    models.cancelInstallJob(job.id());
    return refresh();
  }

  /**
   * Throws when the job, as last read, failed or was cancelled; returns it otherwise.
   *
   * @throws ModelInstallException with the server's reason and message
   */
  public ModelInstallJob raiseIfFailed() {
    ModelInstallJob current = job;
    if (current.status() == InstallStatus.ERROR || current.status() == InstallStatus.CANCELLED) {
      throw new ModelInstallException(current);
    }
    return current;
  }

  @Override
  public String toString() {
    return "ModelInstallJobHandle[" + job.id() + ", " + job.statusText() + ", " + job.source() + "]";
  }

  /** A model install failed or was cancelled; {@link #job()} has the server's reason. */
  public static final class ModelInstallException extends InvokeException {
    private static final long serialVersionUID = 1L;

    private final transient ModelInstallJob job;

    /** An exception for the failed or cancelled {@code job}. */
    public ModelInstallException(ModelInstallJob job) {
      super(message(requireNonNull(job, "job == null")));
      this.job = job;
    }

    /** The job as it ended. */
    public ModelInstallJob job() {
      return job;
    }

    private static String message(ModelInstallJob job) {
      if (job.status() == InstallStatus.CANCELLED) {
        return "model install job " + job.id() + " (" + job.source() + ") was cancelled";
      }
      return "model install job " + job.id() + " (" + job.source() + ") failed: "
          + job.errorReason().orElse("error") + ": " + job.error().orElse("(no message)");
    }
  }
}
