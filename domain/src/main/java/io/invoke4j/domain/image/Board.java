package io.invoke4j.domain.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A board ({@code BoardDTO}). */
@Value.Immutable
@InvokeStyle
public interface Board {
  BoardId id();

  String name();

  @Value.Default
  default int imageCount() {
    return 0;
  }

  @Value.Default
  default int assetCount() {
    return 0;
  }

  @Value.Default
  default boolean archived() {
    return false;
  }

  Optional<ImageName> coverImage();

  Optional<Instant> createdAt();

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

  /** Builds {@link Board}. */
  final class Builder extends ImmutableBoard.Builder {}
}
