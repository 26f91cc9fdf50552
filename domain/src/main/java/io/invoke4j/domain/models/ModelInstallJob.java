package io.invoke4j.domain.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** A model install job ({@code ModelInstallJob} of {@code /api/v2/models/install}). */
@Value.Immutable
@InvokeStyle
public interface ModelInstallJob {
  /** The job id the server assigned (ids restart at 0 with the server). */
  long id();

  InstallStatus status();

  /** The server's spelling of the status (kept when {@link #status()} is {@link InstallStatus#UNKNOWN}). */
  String statusText();

  /** The source as given: a local path, a URL or a Hugging Face repo id. */
  String source();

  /** {@code local}, {@code url}, {@code hf} or {@code external}. */
  String sourceType();

  /** Where the files are on the server's disk, once known. */
  Optional<String> localPath();

  /** Bytes downloaded or read so far. */
  long bytes();

  /** Bytes in all; 0 while unknown. */
  long totalBytes();

  /** The exception class of a failure, e.g. {@code ValueError}. */
  Optional<String> errorReason();

  /** The server's error message of a failure. */
  Optional<String> error();

  /** The server's traceback of a failure. */
  Optional<String> errorTraceback();

  /** The installed model's config, when the job completed. */
  Optional<ModelRecord> installed();

  /** The server's JSON; read-only by agreement. */
  @Value.Default
  @Value.Auxiliary
  default JsonNode raw() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Whether the job will not change any more. */
  default boolean isTerminal() {
    return status().isTerminal();
  }

  /** The fraction done, 0 to 1: bytes over total bytes; 1 when completed; 0 while the total is unknown. */
  default double progress() {
    if (status() == InstallStatus.COMPLETED) {
      return 1.0;
    }
    return totalBytes() <= 0 ? 0.0 : Math.min(1.0, (double) bytes() / totalBytes());
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ModelInstallJob}. */
  final class Builder extends ImmutableModelInstallJob.Builder {}
}
