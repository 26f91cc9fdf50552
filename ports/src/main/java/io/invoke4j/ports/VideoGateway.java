package io.invoke4j.ports;

import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageQuery;
import io.invoke4j.domain.image.VideoInfo;
import io.invoke4j.domain.image.VideoName;
import io.invoke4j.domain.image.VideoPage;
import java.util.List;
import java.util.Optional;

/**
 * The server's videos ({@code /api/v1/videos}): the outputs of video nodes (the Wan 2.2 default
 * workflows) and uploads, as MP4 with a WebP thumbnail.
 *
 * <p>Every method may throw {@link io.invoke4j.domain.InvokeHttpException} on an error status,
 * {@link io.invoke4j.domain.InvokeTransportException} when the server cannot be reached and
 * {@link io.invoke4j.domain.InvokeProtocolException} when its answer cannot be read.
 */
public interface VideoGateway {
  /**
   * Uploads a video file (MP4); the server keeps the bytes as they are.
   *
   * @param board the board to put it on; empty (or {@link BoardId#NONE}) for uncategorized
   * @throws io.invoke4j.domain.InvokeHttpException 415 when the bytes are not a video the server takes
   */
  VideoInfo upload(byte[] bytes, String fileName, ImageCategory category, Optional<BoardId> board,
      boolean intermediate);

  /** The video's record; empty when there is no such video. */
  Optional<VideoInfo> find(VideoName name);

  /** One page of the videos matching {@code query} (the image filters apply to videos alike). */
  VideoPage list(ImageQuery query);

  /**
   * The video file (MP4), byte for byte.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 when there is no such video
   */
  byte[] download(VideoName name);

  /**
   * The first-frame thumbnail (WebP).
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 when there is no such video
   */
  byte[] downloadThumbnail(VideoName name);

  /** Deletes the videos; returns the names the server deleted. */
  List<VideoName> delete(List<VideoName> names);

  /** Stars or unstars the videos; returns the names that changed. */
  List<VideoName> star(List<VideoName> names, boolean starred);

  /** Moves the video onto the board ({@link BoardId#NONE}: takes it off its board). */
  void moveToBoard(VideoName name, BoardId board);
}
