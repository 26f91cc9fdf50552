package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.Tier;
import java.util.List;
import java.util.Optional;

/**
 * The images one output node of a finished queue item produced, with the form input that chose its
 * board (as the Python client's {@code OutputMapping}).
 *
 * @param nodeId the node id as sent in the graph
 * @param nodeType the node's invocation type, e.g. {@code save_image}
 * @param inputIndex the form input index of the node's {@code board} field; empty when that field is
 *     not a form input
 * @param boardId the board the node saved to; empty for none (uncategorized)
 * @param tier where the image names came from
 * @param imageNames the images, in execution order; empty when {@code tier} is {@link Tier#NONE}
 */
public record OutputMapping(String nodeId, String nodeType, Optional<Integer> inputIndex,
    Optional<BoardId> boardId, Tier tier, List<ImageName> imageNames) {

  /** Checks the parts and copies the list. */
  public OutputMapping {
    requireNonNull(nodeId, "nodeId == null");
    requireNonNull(nodeType, "nodeType == null");
    requireNonNull(inputIndex, "inputIndex == null");
    requireNonNull(boardId, "boardId == null");
    requireNonNull(tier, "tier == null");
    imageNames = List.copyOf(imageNames);
  }
}
