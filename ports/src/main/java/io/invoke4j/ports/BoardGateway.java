package io.invoke4j.ports;

import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import java.util.List;
import java.util.Optional;

/**
 * The server's boards ({@code /api/v1/boards}, {@code /api/v1/board_images}).
 *
 * <p>Every method may throw {@link io.invoke4j.domain.InvokeHttpException} on an error status,
 * {@link io.invoke4j.domain.InvokeTransportException} when the server cannot be reached and
 * {@link io.invoke4j.domain.InvokeProtocolException} when its answer cannot be read.
 */
public interface BoardGateway {
  /** Every board the caller can see; archived ones only when asked. Empty when there are none. */
  List<Board> list(boolean includeArchived);

  /** The board; empty when there is no such board ({@link BoardId#NONE} is never a real board). */
  Optional<Board> find(BoardId id);

  /** Creates a board named {@code name} (at most 300 characters). */
  Board create(String name);

  /**
   * Renames the board.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown board
   */
  Board rename(BoardId id, String name);

  /**
   * Archives or unarchives the board.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown board
   */
  Board archive(BoardId id, boolean archived);

  /**
   * Deletes the board; its images are deleted too when {@code alsoDeleteImages}, else they become
   * uncategorized. Returns the names of the images deleted.
   */
  List<ImageName> delete(BoardId id, boolean alsoDeleteImages);

  /** The names of the board's images ({@link BoardId#NONE}: the uncategorized ones). */
  List<ImageName> imageNames(BoardId id);

  /** Moves the image onto the board (an image is on at most one board). */
  void addImage(BoardId board, ImageName image);

  /** Takes the image off its board (it becomes uncategorized). */
  void removeImage(ImageName image);
}
