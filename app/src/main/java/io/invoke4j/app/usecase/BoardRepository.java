package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.ImageGateway;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The server's boards, named as the Python client's {@code board_repo}: list, find, create, rename,
 * archive and delete boards, and {@link BoardHandle}s to work with a board's images. The
 * uncategorized pseudo-board ({@link BoardId#NONE}, {@code "none"}) is a board here like any other:
 * {@link #getBoardById} returns it, {@link #getBoardHandle} opens it; it cannot be renamed, archived
 * or deleted.
 *
 * <pre>{@code
 * BoardHandle board = client.boardRepo().createBoard("renders");
 * ImageInfo uploaded = board.uploadImage(Path.of("in.png"));
 * board.star(uploaded.name());
 * client.boardRepo().deleteBoard(board.boardId(), true);
 * }</pre>
 *
 * <p>Every method may throw {@link io.invoke4j.domain.InvokeHttpException} (e.g. 403 for another
 * user's private board on a multiuser server), {@link io.invoke4j.domain.InvokeTransportException}
 * or {@link io.invoke4j.domain.InvokeProtocolException}. Thread-safe.
 */
public final class BoardRepository {
  /** The name the GUI shows for the uncategorized pseudo-board. */
  public static final String UNCATEGORIZED_NAME = "Uncategorized";

  private final BoardGateway boards;
  private final ImageGateway images;

  /** A repository over these ports. */
  public BoardRepository(BoardGateway boards, ImageGateway images) {
    this.boards = requireNonNull(boards, "boards == null");
    this.images = requireNonNull(images, "images == null");
  }

  /**
   * The uncategorized board first, then every board the caller can see (archived ones only when
   * {@code includeArchived}).
   */
  public List<Board> listBoards(boolean includeArchived) {
    List<Board> real = boards.list(includeArchived);
    return Stream.concat(Stream.of(uncategorized()), real.stream()).toList();
  }

  /**
   * The board {@code id}; for {@link BoardId#NONE} the uncategorized board with its image count.
   * Empty when there is no such board.
   */
  public Optional<Board> getBoardById(BoardId id) {
    requireNonNull(id, "id == null");
    return id.isUncategorized() ? Optional.of(uncategorized()) : boards.find(id);
  }

  /**
   * The first board named exactly {@code name}, archived ones included ({@value #UNCATEGORIZED_NAME}
   * finds the uncategorized board unless a real board has that name); empty when none has it.
   * Board names are not unique on the server.
   */
  public Optional<Board> getBoardByName(String name) {
    requireNonNull(name, "name == null");
    Optional<Board> real = boards.list(true).stream().filter(b -> b.name().equals(name)).findFirst();
    if (real.isEmpty() && name.equals(UNCATEGORIZED_NAME)) {
      return Optional.of(uncategorized());
    }
    return real;
  }

  /**
   * Creates a board and returns a handle to it. Never sent twice.
   *
   * @throws IllegalArgumentException when {@code name} is blank or longer than 300 characters
   */
  public BoardHandle createBoard(String name) {
    Board created = boards.create(name);
    return new BoardHandle(created.id(), boards, images);
  }

  /**
   * Renames the board.
   *
   * @throws IllegalArgumentException for the uncategorized board
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown board
   */
  public Board renameBoard(BoardId id, String name) {
    return boards.rename(real(id, "rename"), requireNonNull(name, "name == null"));
  }

  /**
   * Archives ({@code true}) or unarchives the board; archived boards are left out of
   * {@code listBoards(false)}.
   *
   * @throws IllegalArgumentException for the uncategorized board
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown board
   */
  public Board archiveBoard(BoardId id, boolean archived) {
    return boards.archive(real(id, "archive"), archived);
  }

  /**
   * Deletes the board. Its images are deleted too when {@code alsoDeleteImages}; else they become
   * uncategorized.
   *
   * @return the names of the images deleted (empty unless {@code alsoDeleteImages})
   * @throws IllegalArgumentException for the uncategorized board
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown board
   */
  public List<ImageName> deleteBoard(BoardId id, boolean alsoDeleteImages) {
    return boards.delete(real(id, "delete"), alsoDeleteImages);
  }

  /**
   * A handle to the board {@code id} ({@link BoardId#NONE}: the uncategorized images).
   *
   * @throws IllegalArgumentException when there is no such board
   */
  public BoardHandle getBoardHandle(BoardId id) {
    requireNonNull(id, "id == null");
    if (!id.isUncategorized() && boards.find(id).isEmpty()) {
      throw new IllegalArgumentException("no board " + id.value());
    }
    return new BoardHandle(id, boards, images);
  }

  /**
   * A handle to the first board named {@code name}.
   *
   * @throws IllegalArgumentException when no board has that name
   */
  public BoardHandle getBoardHandleByName(String name) {
    Board board = getBoardByName(name).orElseThrow(() -> new IllegalArgumentException("no board named " + name));
    return new BoardHandle(board.id(), boards, images);
  }

  /** A handle to the uncategorized images. */
  public BoardHandle uncategorizedBoard() {
    return new BoardHandle(BoardId.NONE, boards, images);
  }

  private Board uncategorized() {
    return Board.builder().id(BoardId.NONE).name(UNCATEGORIZED_NAME)
        .imageCount(boards.imageNames(BoardId.NONE).size()).build();
  }

  private static BoardId real(BoardId id, String what) {
    requireNonNull(id, "id == null");
    if (id.isUncategorized()) {
      throw new IllegalArgumentException("cannot " + what + " the uncategorized board");
    }
    return id;
  }
}
