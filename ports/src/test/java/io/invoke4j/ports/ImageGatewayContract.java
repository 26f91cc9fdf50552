package io.invoke4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImagePage;
import io.invoke4j.domain.image.ImageQuery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ImageGateway} shares with InvokeAI 6.14's image routes. Each test
 * deletes the images and boards it made.
 */
public abstract class ImageGatewayContract {
  private static final ImageName UNKNOWN = ImageName.of("invoke4j-no-such-image.png");

  /** What the test made. */
  protected final Created created = new Created();

  /** The images under test. */
  protected abstract ImageGateway images();

  /** The boards of the same server. */
  protected abstract BoardGateway boards();

  /** Called after each test's clean-up: close what the subclass opened. */
  protected void afterContract() {}

  @AfterEach
  final void removeCreated() {
    try {
      created.removeAll(() -> {
        throw new IllegalStateException("no queue in the image contract");
      }, this::images, this::boards, () -> {
        throw new IllegalStateException("no workflows in the image contract");
      });
    } finally {
      afterContract();
    }
  }

  private ImageInfo upload(byte[] png, ImageCategory category, Optional<BoardId> board) {
    ImageInfo info = images().upload(png, "contract.png", category, board, false);
    created.image(info.name());
    return info;
  }

  @Test
  public void uploadReturnsTheRecordAndFindReadsIt() {
    ImageInfo uploaded = upload(TestImages.gradientPng(5, 3), ImageCategory.USER, Optional.empty());

    assertThat(uploaded.width()).isEqualTo(5);
    assertThat(uploaded.height()).isEqualTo(3);
    assertThat(uploaded.category()).contains(ImageCategory.USER);
    assertThat(uploaded.origin()).contains("external");
    assertThat(uploaded.intermediate()).isFalse();
    assertThat(uploaded.starred()).isFalse();
    assertThat(uploaded.hasWorkflow()).isFalse();
    assertThat(uploaded.boardId()).isEmpty();
    assertThat(uploaded.name().value()).endsWith(".png");
    assertThat(images().find(uploaded.name())).contains(uploaded);
  }

  @Test
  public void downloadDecodesToTheUploadedPixels() {
    byte[] png = TestImages.gradientPng(7, 4);
    ImageInfo uploaded = upload(png, ImageCategory.GENERAL, Optional.empty());

    byte[] stored = images().download(uploaded.name());

    assertThat(TestImages.rgbPixels(stored)).isEqualTo(TestImages.rgbPixels(png));
  }

  @Test
  public void thumbnailIsSomeBytes() {
    ImageInfo uploaded = upload(TestImages.gradientPng(4, 4), ImageCategory.GENERAL, Optional.empty());

    assertThat(images().downloadThumbnail(uploaded.name())).isNotEmpty();
  }

  @Test
  public void uploadOntoABoardPutsItThere() {
    BoardId board = created.board(boards().create("invoke4j-contract-upload").id());

    ImageInfo uploaded = upload(TestImages.gradientPng(2, 2), ImageCategory.GENERAL, Optional.of(board));

    assertThat(uploaded.boardId()).contains(board);
    assertThat(boards().imageNames(board)).containsExactly(uploaded.name());
  }

  @Test
  public void findOfAnUnknownImageIsEmpty() {
    assertThat(images().find(UNKNOWN)).isEmpty();
  }

  @Test
  public void downloadOfAnUnknownImageIs404() {
    assertThatThrownBy(() -> images().download(UNKNOWN))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  public void uploadedImageHasNoMetadataNorWorkflow() {
    ImageInfo uploaded = upload(TestImages.gradientPng(2, 2), ImageCategory.GENERAL, Optional.empty());

    assertThat(images().metadata(uploaded.name())).isEmpty();
    assertThat(images().workflow(uploaded.name())).isEmpty();
    assertThat(images().metadata(UNKNOWN)).isEmpty();
  }

  @Test
  public void listKeepsTheAskedOrderAndSkipsUnknownNames() {
    ImageInfo one = upload(TestImages.gradientPng(2, 2), ImageCategory.GENERAL, Optional.empty());
    ImageInfo two = upload(TestImages.gradientPng(3, 2), ImageCategory.GENERAL, Optional.empty());

    assertThat(images().list(List.of(two.name(), UNKNOWN, one.name())))
        .extracting(ImageInfo::name).containsExactly(two.name(), one.name());
  }

  @Test
  public void deleteRemovesTheImage() {
    ImageInfo uploaded = upload(TestImages.gradientPng(2, 2), ImageCategory.GENERAL, Optional.empty());

    assertThat(images().delete(uploaded.name())).isTrue();

    assertThat(images().find(uploaded.name())).isEmpty();
    assertThatThrownBy(() -> images().download(uploaded.name())).isInstanceOf(InvokeHttpException.class);
  }

  @Test
  public void deleteOfAnUnknownImageIsFalse() {
    assertThat(images().delete(UNKNOWN)).isFalse();
  }

  @Test
  public void deleteManyReturnsWhatWasDeleted() {
    ImageInfo one = upload(TestImages.gradientPng(2, 2), ImageCategory.GENERAL, Optional.empty());
    ImageInfo two = upload(TestImages.gradientPng(2, 3), ImageCategory.GENERAL, Optional.empty());

    assertThat(images().delete(List.of(one.name(), two.name()))).containsExactlyInAnyOrder(one.name(), two.name());
    assertThat(images().list(List.of(one.name(), two.name()))).isEmpty();
  }

  @Test
  public void starAndUnstar() {
    ImageInfo uploaded = upload(TestImages.gradientPng(2, 2), ImageCategory.GENERAL, Optional.empty());

    assertThat(images().star(List.of(uploaded.name(), UNKNOWN), true)).containsExactly(uploaded.name());
    assertThat(images().find(uploaded.name()).orElseThrow().starred()).isTrue();

    assertThat(images().star(List.of(uploaded.name()), false)).containsExactly(uploaded.name());
    assertThat(images().find(uploaded.name()).orElseThrow().starred()).isFalse();
  }

  private BoardId newBoard() {
    return created.board(boards().create("invoke4j contract listing").id());
  }

  @Test
  public void listPagesTheImagesOfABoard() {
    BoardId board = newBoard();
    ImageInfo first = upload(TestImages.gradientPng(2, 2), ImageCategory.GENERAL, Optional.of(board));
    ImageInfo second = upload(TestImages.gradientPng(3, 2), ImageCategory.GENERAL, Optional.of(board));
    ImageInfo third = upload(TestImages.gradientPng(4, 2), ImageCategory.GENERAL, Optional.of(board));

    ImagePage page1 = images().list(ImageQuery.builder().board(board).limit(2).build());
    ImagePage page2 = images().list(ImageQuery.builder().board(board).offset(2).limit(2).build());

    assertThat(page1.total()).isEqualTo(3);
    assertThat(page1.items()).hasSize(2);
    assertThat(page1.hasMore()).isTrue();
    assertThat(page2.items()).hasSize(1);
    assertThat(page2.hasMore()).isFalse();
    assertThat(page2.offset()).isEqualTo(2);
    assertThat(java.util.stream.Stream.concat(page1.items().stream(), page2.items().stream())
        .map(ImageInfo::name)).containsExactlyInAnyOrder(first.name(), second.name(), third.name());
  }

  @Test
  public void listFiltersByCategoryAndPutsStarredFirst() {
    BoardId board = newBoard();
    ImageInfo asset = upload(TestImages.gradientPng(2, 2), ImageCategory.USER, Optional.of(board));
    ImageInfo older = upload(TestImages.gradientPng(3, 2), ImageCategory.GENERAL, Optional.of(board));
    upload(TestImages.gradientPng(4, 2), ImageCategory.GENERAL, Optional.of(board));
    images().star(List.of(older.name()), true);

    ImagePage assets = images().list(ImageQuery.builder().board(board).addCategories(ImageCategory.USER).build());
    ImagePage general = images().list(ImageQuery.builder().board(board).addCategories(ImageCategory.GENERAL)
        .build());

    assertThat(assets.items()).extracting(ImageInfo::name).containsExactly(asset.name());
    assertThat(general.total()).isEqualTo(2);
    assertThat(general.items().get(0).name()).isEqualTo(older.name());
    assertThat(general.items().get(0).starred()).isTrue();
  }

  @Test
  public void listOfAnEmptyBoardIsAnEmptyPage() {
    BoardId board = newBoard();

    ImagePage page = images().list(ImageQuery.builder().board(board).build());

    assertThat(page.items()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(page.hasMore()).isFalse();
  }
}
