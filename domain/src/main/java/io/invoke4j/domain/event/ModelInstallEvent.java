package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.models.ModelKey;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One of the {@code model_install_*} events: a model install job started downloading, progressed,
 * finished its downloads, started installing, completed, failed or was cancelled. Sent to admins
 * only on a multiuser server.
 */
@Value.Immutable
@InvokeStyle
public interface ModelInstallEvent extends InvokeEvent {
  /** What happened to the job; the event's name without {@code model_install_}. */
  enum Kind {
    DOWNLOAD_STARTED,
    DOWNLOAD_PROGRESS,
    DOWNLOADS_COMPLETE,
    STARTED,
    COMPLETE,
    ERROR,
    /** British spelling, as the installer's. */
    CANCELLED;

    /** The kind of the event {@code name} ({@code model_install_download_progress} …); empty for others. */
    public static Optional<Kind> ofEventName(String name) {
      if (name == null || !name.startsWith("model_install_")) {
        return Optional.empty();
      }
      try {
        return Optional.of(valueOf(name.substring("model_install_".length()).toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  @Override
  String name();

  @Override
  @Value.Auxiliary
  JsonNode raw();

  Kind kind();

  /** The install job's id ({@code ModelInstallJob.id()}). */
  long jobId();

  /** The source as a user gave it: path, URL or repo id. */
  String source();

  /** Bytes downloaded so far (download events). */
  Optional<Long> bytes();

  /** Bytes in all (download events, and completion of a download). */
  Optional<Long> totalBytes();

  /** The installed model's key ({@link Kind#COMPLETE}). */
  Optional<ModelKey> modelKey();

  /** The exception class of a failure ({@link Kind#ERROR}). */
  Optional<String> errorType();

  /** The failure's message ({@link Kind#ERROR}). */
  Optional<String> error();

  /** The fraction downloaded, 0 to 1, when both byte counts are known and the total is not 0. */
  default Optional<Double> fraction() {
    if (bytes().isEmpty() || totalBytes().isEmpty() || totalBytes().get() <= 0) {
      return Optional.empty();
    }
    return Optional.of(Math.min(1.0, (double) bytes().get() / totalBytes().get()));
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ModelInstallEvent}. */
  final class Builder extends ImmutableModelInstallEvent.Builder {}
}
