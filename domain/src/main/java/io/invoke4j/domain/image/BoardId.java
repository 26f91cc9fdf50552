package io.invoke4j.domain.image;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** A board id ({@code board_id}); {@link #NONE} is the uncategorized pseudo-board {@code "none"}. */
@Value.Immutable(builder = false)
@InvokeStyle
public interface BoardId {
  /** The id as the server spells it. */
  @Value.Parameter
  String value();

  /** The id {@code value}. */
  static BoardId of(String value) {
    return ImmutableBoardId.of(value);
  }

  @Value.Check
  default void check() {
    if (value().isBlank()) {
      throw new IllegalArgumentException("BoardId must not be blank");
    }
  }

  /**
   * The uncategorized pseudo-board. Valid as a list filter and in the server's
   * {@code affected_boards}; not a real board ({@code GET /boards/none} is a 404).
   */
  BoardId NONE = of("none");

  /** Whether this is the uncategorized pseudo-board {@code "none"}. */
  default boolean isUncategorized() {
    return "none".equals(value());
  }
}
