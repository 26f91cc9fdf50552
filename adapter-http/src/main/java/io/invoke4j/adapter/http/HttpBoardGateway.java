package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.ports.BoardGateway;
import java.util.List;
import java.util.Optional;

/**
 * {@link BoardGateway} over {@code /api/v1/boards} and {@code /api/v1/board_images}.
 *
 * <p>Every method may throw {@link InvokeHttpException} on an error status, {@link
 * InvokeTransportException} when the server cannot be reached and {@link InvokeProtocolException}
 * when its answer cannot be read. Thread-safe.
 */
public final class HttpBoardGateway implements BoardGateway {
  private static final String BOARDS = "api/v1/boards/";
  private static final String BOARD_IMAGES = "api/v1/board_images/";

  private final InvokeHttp http;

  /** A gateway over {@code http}'s server. */
  public HttpBoardGateway(InvokeHttp http) {
    this.http = requireNonNull(http, "http == null");
  }

  /** {@inheritDoc} */
  @Override
  public List<Board> list(boolean includeArchived) {
    // without all=true (or offset and limit) the server answers 400
    return ImageMapper.toBoards(http.get(BOARDS).query("all", true)
        .query("include_archived", includeArchived).sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<Board> find(BoardId id) {
    requireNonNull(id, "id == null");
    if (id.isUncategorized()) {
      return Optional.empty();
    }
    return http.get(boardPath(id)).findJson().map(ImageMapper::toBoard);
  }

  /** {@inheritDoc} Never repeated after a 502-504 (it would create a second board). */
  @Override
  public Board create(String name) {
    requireNonNull(name, "name == null");
    if (name.isBlank() || name.length() > 300) {
      throw new IllegalArgumentException("a board name needs 1 to 300 characters");
    }
    return ImageMapper.toBoard(http.request("POST", BOARDS).query("board_name", name).sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public Board rename(BoardId id, String name) {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    ObjectNode changes = http.mapper().createObjectNode().put("board_name", name);
    return ImageMapper.toBoard(http.request("PATCH", boardPath(id)).json(changes).sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public Board archive(BoardId id, boolean archived) {
    requireNonNull(id, "id == null");
    ObjectNode changes = http.mapper().createObjectNode().put("archived", archived);
    return ImageMapper.toBoard(http.request("PATCH", boardPath(id)).json(changes).sendJson());
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvokeHttpException 404 for an unknown board
   */
  @Override
  public List<ImageName> delete(BoardId id, boolean alsoDeleteImages) {
    requireNonNull(id, "id == null");
    return ImageMapper.names(http.request("DELETE", boardPath(id))
        .query("include_images", alsoDeleteImages).sendJson(), "deleted_images");
  }

  /** {@inheritDoc} */
  @Override
  public List<ImageName> imageNames(BoardId id) {
    requireNonNull(id, "id == null");
    return ImageMapper.names(http.get(boardPath(id) + "/image_names").sendJson(), null);
  }

  /** {@inheritDoc} */
  @Override
  public void addImage(BoardId board, ImageName image) {
    requireNonNull(board, "board == null");
    requireNonNull(image, "image == null");
    ObjectNode body = http.mapper().createObjectNode()
        .put("board_id", board.value()).put("image_name", image.value());
    // moving an image onto the board it is on changes nothing: safe to repeat
    http.request("POST", BOARD_IMAGES).json(body).readOnly().send();
  }

  /** {@inheritDoc} */
  @Override
  public void removeImage(ImageName image) {
    requireNonNull(image, "image == null");
    ObjectNode body = http.mapper().createObjectNode().put("image_name", image.value());
    http.request("DELETE", BOARD_IMAGES).json(body).send(); // DELETE with a JSON body
  }

  private static String boardPath(BoardId id) {
    return BOARDS + InvokeHttp.seg(id.value());
  }
}
