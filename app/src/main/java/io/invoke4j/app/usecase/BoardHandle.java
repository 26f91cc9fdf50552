package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStorageException;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImagePage;
import io.invoke4j.domain.image.ImageQuery;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.ImageGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One board and its images (the Python client's {@code BoardHandle}); {@link BoardId#NONE} stands
 * for the uncategorized images. Made by {@link BoardRepository}.
 *
 * <p>Methods that name an image of this board ({@link #moveImageTo}, {@link #removeImage},
 * {@link #deleteImage}) first check that it is on this board, so a stale name cannot touch another
 * board's image. Every method may throw {@link io.invoke4j.domain.InvokeHttpException},
 * {@link io.invoke4j.domain.InvokeTransportException} or
 * {@link io.invoke4j.domain.InvokeProtocolException}. Thread-safe.
 */
public final class BoardHandle {
  private final BoardId id;
  private final BoardGateway boards;
  private final ImageGateway images;

  BoardHandle(BoardId id, BoardGateway boards, ImageGateway images) {
    this.id = id;
    this.boards = boards;
    this.images = images;
  }

  /** The board's id ({@link BoardId#NONE} for the uncategorized images). */
  public BoardId boardId() {
    return id;
  }

  /** Whether this is the uncategorized pseudo-board. */
  public boolean isUncategorized() {
    return id.isUncategorized();
  }

  /**
   * The board as the server has it now; the uncategorized board with its image count.
   *
   * @throws IllegalStateException when the board was deleted
   */
  public Board board() {
    if (id.isUncategorized()) {
      return Board.builder().id(id).name(BoardRepository.UNCATEGORIZED_NAME)
          .imageCount(boards.imageNames(id).size()).build();
    }
    return boards.find(id).orElseThrow(() -> new IllegalStateException("board " + id.value() + " no longer exists"));
  }

  /** The names of every image on the board (assets included), as the server orders them. */
  public List<ImageName> listImageNames() {
    return boards.imageNames(id);
  }

  /**
   * One page of the board's images, newest first (starred first).
   *
   * @param offset how many to skip
   * @param limit how many at most
   * @param categories only these categories; every category when empty ({@link ImageCategory#GENERAL}
   *     is the gallery's "images" tab, the others its "assets")
   */
  public ImagePage listImages(int offset, int limit, List<ImageCategory> categories) {
    requireNonNull(categories, "categories == null");
    return images.list(ImageQuery.builder().board(id).offset(offset).limit(limit).categories(categories).build());
  }

  /** One page of the board's images as {@code query} asks; its board filter is replaced by this board. */
  public ImagePage listImages(ImageQuery query) {
    requireNonNull(query, "query == null");
    return images.list(ImageQuery.builder().from(query).board(id).build());
  }

  /**
   * Uploads the file onto this board (category {@code general}, not intermediate).
   *
   * @throws InvokeStorageException when the file cannot be read
   * @throws io.invoke4j.domain.InvokeHttpException 415 when it is not an image the server takes
   */
  public ImageInfo uploadImage(Path file) {
    requireNonNull(file, "file == null");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvokeStorageException("cannot read " + file, e);
    }
    return uploadImage(bytes, String.valueOf(file.getFileName()));
  }

  /**
   * Uploads the bytes onto this board (category {@code general}, not intermediate).
   *
   * @throws io.invoke4j.domain.InvokeHttpException 415 when they are not an image the server takes
   */
  public ImageInfo uploadImage(byte[] bytes, String fileName) {
    return uploadImage(bytes, fileName, ImageCategory.GENERAL);
  }

  /**
   * Uploads the bytes onto this board with {@code category} (e.g. {@link ImageCategory#USER} for an
   * asset).
   *
   * @throws io.invoke4j.domain.InvokeHttpException 415 when they are not an image the server takes
   */
  public ImageInfo uploadImage(byte[] bytes, String fileName, ImageCategory category) {
    requireNonNull(bytes, "bytes == null");
    requireNonNull(fileName, "fileName == null");
    requireNonNull(category, "category == null");
    return images.upload(bytes, fileName, category, Optional.of(id), false);
  }

  /**
   * The image's bytes: the full PNG or the WebP thumbnail. Any image can be downloaded, not only
   * this board's.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 when there is no such image
   */
  public byte[] downloadImage(ImageName name, ImageSize size) {
    requireNonNull(name, "name == null");
    requireNonNull(size, "size == null");
    return size == ImageSize.FULL ? images.download(name) : images.downloadThumbnail(name);
  }

  /**
   * Moves one of this board's images onto {@code target} ({@link BoardId#NONE}: uncategorized).
   *
   * @throws IllegalArgumentException when the image is not on this board
   */
  public void moveImageTo(ImageName name, BoardId target) {
    requireNonNull(target, "target == null");
    ownImage(name);
    if (target.isUncategorized()) {
      boards.removeImage(name);
    } else {
      boards.addImage(target, name);
    }
  }

  /**
   * Takes one of this board's images off it: it becomes uncategorized (not deleted).
   *
   * @throws IllegalArgumentException when the image is not on this board
   */
  public void removeImage(ImageName name) {
    ownImage(name);
    if (!id.isUncategorized()) {
      boards.removeImage(name);
    }
  }

  /**
   * Deletes one of this board's images from the server.
   *
   * @return whether the server deleted it
   * @throws IllegalArgumentException when the image is not on this board
   */
  public boolean deleteImage(ImageName name) {
    ownImage(name);
    return images.delete(name);
  }

  /** Stars the image; returns whether the server reported it starred. */
  public boolean star(ImageName name) {
    requireNonNull(name, "name == null");
    return images.star(List.of(name), true).contains(name);
  }

  /** Unstars the image; returns whether the server reported it unstarred. */
  public boolean unstar(ImageName name) {
    requireNonNull(name, "name == null");
    return images.star(List.of(name), false).contains(name);
  }

  /** The image's record; empty when there is no such image. */
  public Optional<ImageInfo> imageInfo(ImageName name) {
    requireNonNull(name, "name == null");
    return images.find(name);
  }

  /** The image's generation metadata; empty when it has none or there is no such image. */
  public Optional<JsonNode> imageMetadata(ImageName name) {
    requireNonNull(name, "name == null");
    return images.metadata(name);
  }

  private void ownImage(ImageName name) {
    requireNonNull(name, "name == null");
    ImageInfo info = images.find(name).orElseThrow(() -> new IllegalArgumentException("no image " + name.value()));
    BoardId on = info.boardId().orElse(BoardId.NONE);
    if (!on.equals(id)) {
      throw new IllegalArgumentException("image " + name.value() + " is on board " + on.value() + ", not on "
          + id.value());
    }
  }

  @Override
  public String toString() {
    return "BoardHandle[" + id.value() + "]";
  }
}
