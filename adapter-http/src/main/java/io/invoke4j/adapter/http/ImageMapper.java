package io.invoke4j.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImagePage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code ImageDTO}, {@code BoardDTO} and the name lists of image and board results. */
final class ImageMapper {
  private ImageMapper() {}

  static ImageInfo toImageInfo(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InvokeProtocolException("an image must be a JSON object: " + Json.excerpt(json));
    }
    return ImageInfo.builder()
        .name(ImageName.of(Json.requiredText(json, "image_name", "image")))
        .boardId(Json.text(json, "board_id").filter(s -> !s.isBlank() && !s.equals("none"))
            .map(BoardId::of))
        .category(Json.text(json, "image_category").flatMap(ImageMapper::category))
        .width(Json.integer(json, "width"))
        .height(Json.integer(json, "height"))
        .intermediate(Json.bool(json, "is_intermediate"))
        .starred(Json.bool(json, "starred"))
        .hasWorkflow(Json.bool(json, "has_workflow"))
        .origin(Json.text(json, "image_origin"))
        .sessionId(Json.text(json, "session_id"))
        .nodeId(Json.text(json, "node_id"))
        .createdAt(Json.instant(json, "created_at"))
        .raw(json)
        .build();
  }

  static List<ImageInfo> toImageInfos(JsonNode json) {
    List<ImageInfo> images = new ArrayList<>();
    if (json != null && json.isArray()) {
      json.forEach(node -> images.add(toImageInfo(node)));
    }
    return images;
  }

  /** {@code OffsetPaginatedResults<ImageDTO>}: {@code {limit, offset, total, items}}. */
  static ImagePage toImagePage(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InvokeProtocolException("an image page must be a JSON object: " + Json.excerpt(json));
    }
    return ImagePage.builder()
        .items(toImageInfos(Json.member(json, "items")))
        .offset(Json.integer(json, "offset"))
        .limit(Json.integer(json, "limit"))
        .total(Json.integer(json, "total"))
        .build();
  }

  static Board toBoard(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InvokeProtocolException("a board must be a JSON object: " + Json.excerpt(json));
    }
    return Board.builder()
        .id(BoardId.of(Json.requiredText(json, "board_id", "board")))
        .name(Json.text(json, "board_name").orElse(""))
        .imageCount(Json.integer(json, "image_count"))
        .assetCount(Json.integer(json, "asset_count"))
        .archived(Json.bool(json, "archived"))
        .coverImage(Json.text(json, "cover_image_name").filter(s -> !s.isBlank()).map(ImageName::of))
        .createdAt(Json.instant(json, "created_at"))
        .raw(json)
        .build();
  }

  static List<Board> toBoards(JsonNode json) {
    List<Board> boards = new ArrayList<>();
    JsonNode list = json != null && json.isObject() ? Json.member(json, "items") : json;
    if (list != null && list.isArray()) {
      list.forEach(node -> boards.add(toBoard(node)));
    }
    return boards;
  }

  /** The names listed under {@code member} (or {@code json} itself when it is an array). */
  static List<ImageName> names(JsonNode json, String member) {
    JsonNode list = member == null ? json : Json.member(json, member);
    List<ImageName> names = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(n -> {
        if (n.isTextual() && !n.asText().isBlank()) {
          names.add(ImageName.of(n.asText()));
        }
      });
    }
    return names;
  }

  private static Optional<ImageCategory> category(String text) {
    try {
      return Optional.of(ImageCategory.fromWire(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
