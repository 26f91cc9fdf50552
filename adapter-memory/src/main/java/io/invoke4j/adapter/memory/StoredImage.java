package io.invoke4j.adapter.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import java.time.Instant;
import java.util.Optional;

/** One image of the in-memory store; guarded by the server's lock. */
final class StoredImage {
  final String name;
  final byte[] png;
  final int width;
  final int height;
  final ImageCategory category;
  final String origin;
  final Optional<String> sessionId;
  final Optional<String> nodeId;
  final Optional<JsonNode> metadata;
  final Optional<JsonNode> workflow;
  final Instant createdAt;
  boolean intermediate;
  boolean starred;
  String boardId;

  StoredImage(String name, byte[] png, int width, int height, ImageCategory category, String origin,
      Optional<String> sessionId, Optional<String> nodeId, Optional<JsonNode> metadata, Optional<JsonNode> workflow,
      Instant createdAt, boolean intermediate, String boardId) {
    this.name = name;
    this.png = png;
    this.width = width;
    this.height = height;
    this.category = category;
    this.origin = origin;
    this.sessionId = sessionId;
    this.nodeId = nodeId;
    this.metadata = metadata;
    this.workflow = workflow;
    this.createdAt = createdAt;
    this.intermediate = intermediate;
    this.boardId = boardId;
  }

  ImageInfo toInfo() {
    return ImageInfo.builder()
        .name(ImageName.of(name))
        .boardId(Optional.ofNullable(boardId).map(BoardId::of))
        .category(category)
        .width(width)
        .height(height)
        .intermediate(intermediate)
        .starred(starred)
        .hasWorkflow(workflow.isPresent())
        .origin(origin)
        .sessionId(sessionId)
        .nodeId(nodeId)
        .createdAt(createdAt)
        .build();
  }
}
