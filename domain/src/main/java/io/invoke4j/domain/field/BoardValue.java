package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;
import java.util.Optional;

/**
 * Where outputs go: {@code "auto"} (the GUI's auto-add board), {@code "none"} (uncategorized) or
 * {@code {"board_id": ...}}.
 */
public record BoardValue(Mode mode, Optional<String> boardId) implements FieldValue {

  /** The three board choices the GUI offers. */
  public enum Mode { AUTO, NONE, BOARD }

  public BoardValue {
    Objects.requireNonNull(mode, "mode == null");
    Objects.requireNonNull(boardId, "boardId == null");
    if ((mode == Mode.BOARD) != boardId.isPresent()) {
      throw new IllegalArgumentException("a board id goes with mode BOARD only: " + mode + " " + boardId);
    }
    if (boardId.isPresent() && boardId.get().isBlank()) {
      throw new IllegalArgumentException("boardId is blank");
    }
  }

  /** The GUI's auto-add board. */
  public static BoardValue auto() {
    return new BoardValue(Mode.AUTO, Optional.empty());
  }

  /** No board (uncategorized). */
  public static BoardValue none() {
    return new BoardValue(Mode.NONE, Optional.empty());
  }

  /** The board with this id. */
  public static BoardValue of(String boardId) {
    return new BoardValue(Mode.BOARD, Optional.of(boardId));
  }

  @Override
  public JsonNode toJson() {
    switch (mode) {
      case AUTO:
        return TextNode.valueOf("auto");
      case NONE:
        return TextNode.valueOf("none");
      default:
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("board_id", boardId.orElseThrow());
        return node;
    }
  }
}
