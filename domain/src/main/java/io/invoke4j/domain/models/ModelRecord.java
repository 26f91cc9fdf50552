package io.invoke4j.domain.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** An installed model's config ({@code AnyModelConfig} of {@code GET /api/v2/models}). */
@Value.Immutable
@InvokeStyle
public interface ModelRecord {
  ModelKey key();

  /** The file hash, e.g. {@code blake3:…}. */
  Optional<String> hash();

  String name();

  /** The base, e.g. {@code sdxl}, {@code flux}. */
  String base();

  /** The type, e.g. {@code main}, {@code vae}, {@code lora}. */
  String type();

  /** The format, e.g. {@code diffusers}, {@code checkpoint}. */
  Optional<String> format();

  Optional<String> description();

  /** The server's JSON; read-only by agreement. */
  @Value.Default
  @Value.Auxiliary
  default JsonNode raw() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ModelRecord}. */
  final class Builder extends ImmutableModelRecord.Builder {}
}
