package io.invoke4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageQuery;
import io.invoke4j.domain.image.VideoInfo;
import io.invoke4j.domain.image.VideoName;
import io.invoke4j.domain.image.VideoPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link VideoGateway} shares with InvokeAI 6.14's video routes, with a tiny
 * MP4 ({@code tiny.mp4}: 16×16, 4 frames at 4 fps). Each test deletes the videos and boards it made.
 */
public abstract class VideoGatewayContract {
  private final List<VideoName> videos = new ArrayList<>();
  private final List<BoardId> boards = new ArrayList<>();

  /** The videos under test. */
  protected abstract VideoGateway videos();

  /** The boards of the same server. */
  protected abstract BoardGateway boards();

  /** Called after each test's clean-up: close what the subclass opened. */
  protected void afterContract() {}

  /** The test video's bytes. */
  public static byte[] tinyMp4() {
    try (InputStream in = VideoGatewayContract.class.getResourceAsStream("tiny.mp4")) {
      if (in == null) {
        throw new IllegalStateException("tiny.mp4 is not on the test class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  final void removeCreated() {
    try {
      videos().delete(videos);
      boards.forEach(b -> boards().delete(b, true));
    } finally {
      afterContract();
    }
  }

  private VideoInfo upload(Optional<BoardId> board) {
    VideoInfo info = videos().upload(tinyMp4(), "tiny.mp4", ImageCategory.GENERAL, board, false);
    videos.add(info.name());
    return info;
  }

  @Test
  public void uploadFindAndDownloadTheSameBytes() {
    VideoInfo uploaded = upload(Optional.empty());

    assertThat(uploaded.name().value()).endsWith(".mp4");
    assertThat(uploaded.category()).contains(ImageCategory.GENERAL);
    assertThat(uploaded.boardId()).isEmpty();
    assertThat(uploaded.starred()).isFalse();
    assertThat(videos().find(uploaded.name())).contains(uploaded);
    assertThat(videos().download(uploaded.name())).isEqualTo(tinyMp4());
    assertThat(videos().downloadThumbnail(uploaded.name())).isNotEmpty();
  }

  @Test
  public void notAVideoIsRefusedAndAnUnknownNameIsEmpty() {
    assertThatThrownBy(() -> videos().upload(TestImages.gradientPng(2, 2), "x.mp4", ImageCategory.GENERAL,
        Optional.empty(), false)).isInstanceOfSatisfying(InvokeHttpException.class,
            e -> assertThat(e.status()).isEqualTo(415));
    assertThat(videos().find(VideoName.of("invoke4j-no-such-video.mp4"))).isEmpty();
  }

  @Test
  public void boardStarListAndDelete() {
    BoardId board = boards().create("invoke4j contract videos").id();
    boards.add(board);
    VideoInfo first = upload(Optional.of(board));
    VideoInfo second = upload(Optional.empty());

    videos().moveToBoard(second.name(), board);
    assertThat(videos().star(List.of(first.name()), true)).containsExactly(first.name());

    VideoPage page = videos().list(ImageQuery.builder().board(board).build());
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items().get(0).name()).isEqualTo(first.name());
    assertThat(page.items().get(0).starred()).isTrue();

    videos().moveToBoard(second.name(), BoardId.NONE);
    assertThat(videos().find(second.name())).hasValueSatisfying(v -> assertThat(v.boardId()).isEmpty());
    assertThat(videos().delete(List.of(first.name(), second.name())))
        .containsExactlyInAnyOrder(first.name(), second.name());
    assertThat(videos().find(first.name())).isEmpty();
  }
}
