package io.invoke4j.domain.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A video on the server ({@code VideoDTO}): an upload, or the output of a video node (Wan 2.2). */
@Value.Immutable
@InvokeStyle
public interface VideoInfo {
  VideoName name();

  /** The board the video is on; empty when uncategorized. */
  Optional<BoardId> boardId();

  /** The category (videos reuse the image categories); empty for a spelling this version does not know. */
  Optional<ImageCategory> category();

  int width();

  int height();

  /** The length in seconds. */
  double durationSeconds();

  /** Frames per second, when known. */
  Optional<Double> fps();

  boolean intermediate();

  boolean starred();

  /** Whether the video carries an embedded workflow. */
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

  /** Builds {@link VideoInfo}. */
  final class Builder extends ImmutableVideoInfo.Builder {}
}
