package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one offline rule for "this input is a board" ({@code BoardField} in the GUI's templates),
 * asked by {@link TypingRules}. The graph builder does not guess on its own: it translates exactly
 * the inputs typed {@link FieldType#BOARD}, so typing, setting values and building the graph agree.
 */
final class BoardFields {
  private BoardFields() {}

  /**
   * Names that mean a board on any node: {@code board} (every built-in node with a board uses it,
   * and the server's {@code workflow_graph_builder.py} relies on it too) and {@code *_board}.
   */
  static boolean isBoardName(String fieldName) {
    return fieldName.equals("board") || fieldName.endsWith("_board");
  }

  /**
   * A value only a board field holds: {@code {"board_id": "..."}} and nothing else (the GUI's
   * {@code zBoardField}); objects that merely carry a {@code board_id}, such as an image generator's
   * {@code {"type", "board_id", "category"}}, are not boards.
   */
  static boolean isBoardValue(JsonNode value) {
    return value.isObject() && value.size() == 1 && value.path("board_id").isTextual();
  }

  /** A board by its value: the board shape anywhere, or {@code "auto"}/{@code "none"} under a board name. */
  static boolean isBoard(String fieldName, JsonNode value) {
    if (isBoardValue(value)) {
      return true;
    }
    return isBoardName(fieldName)
        && (value.has("board_id") || "auto".equals(value.asText(null)) || "none".equals(value.asText(null)));
  }
}
