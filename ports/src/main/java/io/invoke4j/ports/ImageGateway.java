package io.invoke4j.ports;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImagePage;
import io.invoke4j.domain.image.ImageQuery;
import java.util.List;
import java.util.Optional;

/**
 * The server's images ({@code /api/v1/images}): upload, read, download, delete.
 *
 * <p>Every method may throw {@link io.invoke4j.domain.InvokeHttpException} on an error status,
 * {@link io.invoke4j.domain.InvokeTransportException} when the server cannot be reached and
 * {@link io.invoke4j.domain.InvokeProtocolException} when its answer cannot be read.
 */
public interface ImageGateway {
  /**
   * Uploads an image file (PNG, JPEG, WebP…). The server re-encodes it: the stored bytes are not
   * the uploaded ones, the pixels are.
   *
   * @param board the board to put it on; empty for uncategorized ({@link BoardId#NONE} also means
   *     uncategorized)
   * @throws io.invoke4j.domain.InvokeHttpException 415 when the bytes are not an image type the
   *     server takes, 404 for an unknown board
   */
  ImageInfo upload(byte[] bytes, String fileName, ImageCategory category, Optional<BoardId> board,
      boolean intermediate);

  /** The image's record; empty when there is no such image. */
  Optional<ImageInfo> find(ImageName name);

  /** The records of {@code names}, in that order; unknown names are skipped. */
  List<ImageInfo> list(List<ImageName> names);

  /**
   * One page of the images matching {@code query} (newest first unless asked otherwise); an empty
   * page past the end.
   */
  ImagePage list(ImageQuery query);

  /**
   * The full image, byte for byte as the server stores it (PNG, with its workflow metadata).
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 when there is no such image
   */
  byte[] download(ImageName name);

  /**
   * The thumbnail (WebP).
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 when there is no such image
   */
  byte[] downloadThumbnail(ImageName name);

  /** The image's metadata; empty when it has none or there is no such image. */
  Optional<JsonNode> metadata(ImageName name);

  /** The workflow embedded in the image; empty when it has none or there is no such image. */
  Optional<JsonNode> workflow(ImageName name);

  /**
   * Deletes the image; returns whether the server deleted it (false when it had no such image).
   */
  boolean delete(ImageName name);

  /** Deletes the images; returns the names the server deleted. */
  List<ImageName> delete(List<ImageName> names);

  /** Stars or unstars the images; returns the names that changed. */
  List<ImageName> star(List<ImageName> names, boolean starred);
}
