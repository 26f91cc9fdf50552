package io.invoke4j.domain.queue;

import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The images one node of a finished queue item produced. */
@Value.Immutable
@InvokeStyle
public interface NodeOutput {
  /** The node id as sent in the graph (the source id, not a prepared execution id). */
  String nodeId();

  /** The node's invocation type, e.g. {@code save_image}. */
  String nodeType();

  /** The image names, in prepared (execution) order; empty when {@link #tier()} is NONE. */
  List<ImageName> imageNames();

  /** The board the node saved to ({@code board.board_id} of the graph node); empty for none. */
  Optional<BoardId> boardId();

  /** Where the image names came from. */
  Tier tier();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NodeOutput}. */
  final class Builder extends ImmutableNodeOutput.Builder {}
}
