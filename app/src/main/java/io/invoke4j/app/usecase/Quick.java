package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.ports.ImageGateway;
import java.util.Optional;

/**
 * One-call helpers (the Python client's {@code quick}).
 *
 * <pre>{@code
 * ImageInfo copy = client.quick().copyImageToBoard(ImageName.of("a.png"), board.boardId());
 * }</pre>
 *
 * <p>Methods may throw {@link io.invoke4j.domain.InvokeHttpException},
 * {@link io.invoke4j.domain.InvokeTransportException} or
 * {@link io.invoke4j.domain.InvokeProtocolException}. Thread-safe.
 */
public final class Quick {
  private final ImageGateway images;

  /** Helpers over {@code images}. */
  public Quick(ImageGateway images) {
    this.images = requireNonNull(images, "images == null");
  }

  /**
   * Copies an image onto a board: downloads the full PNG (its embedded workflow and metadata
   * included) and uploads it as a new image with the same category. The original stays where it is.
   *
   * @param board the target board ({@link BoardId#NONE}: uncategorized)
   * @return the copy
   * @throws IllegalArgumentException when there is no such image
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown board
   */
  public ImageInfo copyImageToBoard(ImageName image, BoardId board) {
    requireNonNull(image, "image == null");
    requireNonNull(board, "board == null");
    ImageInfo original = images.find(image)
        .orElseThrow(() -> new IllegalArgumentException("no image " + image.value()));
    byte[] png = images.download(image);
    return images.upload(png, image.value(), original.category().orElse(ImageCategory.GENERAL), Optional.of(board),
        false);
  }
}
