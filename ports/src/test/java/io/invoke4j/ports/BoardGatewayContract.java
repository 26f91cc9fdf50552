package io.invoke4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BoardGateway} shares with InvokeAI 6.14's boards. Each test deletes
 * the boards and images it made.
 */
public abstract class BoardGatewayContract {
  private static final BoardId UNKNOWN = BoardId.of("invoke4j-no-such-board");

  /** What the test made. */
  protected final Created created = new Created();

  /** The boards under test. */
  protected abstract BoardGateway boards();

  /** The images of the same server. */
  protected abstract ImageGateway images();

  /** Called after each test's clean-up: close what the subclass opened. */
  protected void afterContract() {}

  @AfterEach
  final void removeCreated() {
    try {
      created.removeAll(() -> {
        throw new IllegalStateException("no queue in the board contract");
      }, this::images, this::boards, () -> {
        throw new IllegalStateException("no workflows in the board contract");
      });
    } finally {
      afterContract();
    }
  }

  private Board create(String name) {
    Board board = boards().create(name);
    created.board(board.id());
    return board;
  }

  private ImageName upload(Optional<BoardId> board) {
    ImageInfo info = images().upload(TestImages.gradientPng(3, 3), "board.png", ImageCategory.GENERAL, board, false);
    return created.image(info.name());
  }

  private static String name() {
    return "invoke4j-contract-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  public void createdBoardIsFoundEmptyAndUnarchived() {
    String name = name();
    Board board = create(name);

    assertThat(board.name()).isEqualTo(name);
    assertThat(board.imageCount()).isZero();
    assertThat(board.archived()).isFalse();
    assertThat(board.coverImage()).isEmpty();
    assertThat(boards().find(board.id())).map(Board::name).contains(name);
    assertThat(boards().list(false)).extracting(Board::id).contains(board.id());
  }

  @Test
  public void findOfAnUnknownBoardOrOfNoneIsEmpty() {
    assertThat(boards().find(UNKNOWN)).isEmpty();
    assertThat(boards().find(BoardId.NONE)).isEmpty();
  }

  @Test
  public void renameChangesTheName() {
    Board board = create(name());
    String renamed = name();

    assertThat(boards().rename(board.id(), renamed).name()).isEqualTo(renamed);
    assertThat(boards().find(board.id())).map(Board::name).contains(renamed);
  }

  @Test
  public void renameOfAnUnknownBoardIs404() {
    assertThatThrownBy(() -> boards().rename(UNKNOWN, "x"))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  public void archivedBoardIsListedOnlyWhenAsked() {
    Board board = create(name());

    assertThat(boards().archive(board.id(), true).archived()).isTrue();

    assertThat(boards().list(false)).extracting(Board::id).doesNotContain(board.id());
    assertThat(boards().list(true)).extracting(Board::id).contains(board.id());
    assertThat(boards().archive(board.id(), false).archived()).isFalse();
    assertThat(boards().list(false)).extracting(Board::id).contains(board.id());
  }

  @Test
  public void addImageMovesItOntoTheBoardAndRemoveTakesItOff() {
    Board board = create(name());
    ImageName image = upload(Optional.empty());

    boards().addImage(board.id(), image);

    assertThat(boards().imageNames(board.id())).containsExactly(image);
    assertThat(images().find(image).orElseThrow().boardId()).contains(board.id());
    assertThat(boards().imageNames(BoardId.NONE)).doesNotContain(image);
    assertThat(boards().find(board.id()).orElseThrow().imageCount()).isEqualTo(1);

    boards().removeImage(image);

    assertThat(boards().imageNames(board.id())).isEmpty();
    assertThat(boards().imageNames(BoardId.NONE)).contains(image);
    assertThat(images().find(image).orElseThrow().boardId()).isEmpty();
  }

  @Test
  public void imageIsOnAtMostOneBoard() {
    Board first = create(name());
    Board second = create(name());
    ImageName image = upload(Optional.of(first.id()));

    boards().addImage(second.id(), image);

    assertThat(boards().imageNames(first.id())).isEmpty();
    assertThat(boards().imageNames(second.id())).containsExactly(image);
  }

  @Test
  public void deleteKeepingImagesMakesThemUncategorized() {
    Board board = create(name());
    ImageName image = upload(Optional.of(board.id()));

    assertThat(boards().delete(board.id(), false)).isEmpty();

    assertThat(boards().find(board.id())).isEmpty();
    assertThat(images().find(image).orElseThrow().boardId()).isEmpty();
    assertThat(boards().imageNames(BoardId.NONE)).contains(image);
  }

  @Test
  public void deleteWithImagesDeletesThem() {
    Board board = create(name());
    ImageName image = upload(Optional.of(board.id()));

    assertThat(boards().delete(board.id(), true)).containsExactly(image);

    assertThat(boards().find(board.id())).isEmpty();
    assertThat(images().find(image)).isEmpty();
  }

  @Test
  public void deleteOfAnEmptyBoardReturnsNoImages() {
    Board board = create(name());

    assertThat(boards().delete(board.id(), true)).isEmpty();
    assertThat(boards().find(board.id())).isEmpty();
  }

  @Test
  public void uncategorizedImagesAreListedUnderNone() {
    ImageName loose = upload(Optional.empty());
    Board board = create(name());
    ImageName onBoard = upload(Optional.of(board.id()));

    assertThat(boards().imageNames(BoardId.NONE)).contains(loose).doesNotContain(onBoard);
  }
}
