package io.invoke4j.domain.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** An image on the server ({@code ImageDTO}). */
@Value.Immutable
@InvokeStyle
public interface ImageInfo {
  ImageName name();

  /** The board the image is on; empty when uncategorized. */
  Optional<BoardId> boardId();

  /** The category; empty for a spelling this version does not know. */
  Optional<ImageCategory> category();

  int width();

  int height();

  /** Whether the image is hidden from the normal gallery. */
  boolean intermediate();

  boolean starred();

  /** Whether the image carries an embedded workflow. */
  boolean hasWorkflow();

  /** {@code internal} (generated) or {@code external} (uploaded). */
  Optional<String> origin();

  /** The session that produced it. */
  Optional<String> sessionId();

  /** The <em>prepared</em> node id that produced it. */
  Optional<String> nodeId();

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

  /** Builds {@link ImageInfo}. */
  final class Builder extends ImmutableImageInfo.Builder {}
}
