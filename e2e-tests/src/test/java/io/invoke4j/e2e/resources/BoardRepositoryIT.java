package io.invoke4j.e2e.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.BoardHandle;
import io.invoke4j.app.usecase.BoardRepository;
import io.invoke4j.app.usecase.ImageSize;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImagePage;
import io.invoke4j.ports.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client.boardRepo()} on the real single-user server; every board and image made is deleted. */
class BoardRepositoryIT {
  private final InvokeAIClient client = Servers.singleUser();
  private final BoardRepository repo = client.boardRepo();
  private final List<BoardId> boards = new ArrayList<>();
  private final List<ImageName> images = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    try {
      for (BoardId board : boards) {
        if (client.boards().find(board).isPresent()) {
          repo.deleteBoard(board, true);
        }
      }
      images.forEach(name -> client.images().delete(name));
    } finally {
      client.close();
    }
  }

  private BoardHandle newBoard(String what) {
    BoardHandle board = repo.createBoard(Servers.unique(what));
    boards.add(board.boardId());
    return board;
  }

  private ImageInfo track(ImageInfo image) {
    images.add(image.name());
    return image;
  }

  @Test
  void boardLifecycleWithImages(@TempDir Path dir) throws IOException {
    BoardHandle board = newBoard("work");
    BoardHandle other = newBoard("other");
    Path file = Files.write(dir.resolve("in.png"), TestImages.gradientPng(6, 4));

    ImageInfo fromFile = track(board.uploadImage(file));
    ImageInfo fromBytes = track(board.uploadImage(TestImages.gradientPng(5, 3), "b.png"));
    ImageInfo asset = track(board.uploadImage(TestImages.gradientPng(4, 2), "c.png", ImageCategory.USER));

    assertThat(fromFile.boardId()).contains(board.boardId());
    assertThat(board.board().imageCount()).isEqualTo(2); // the server counts "images", assets apart
    assertThat(board.listImageNames()).containsExactlyInAnyOrder(fromFile.name(), fromBytes.name(), asset.name());
    ImagePage general = board.listImages(0, 1, List.of(ImageCategory.GENERAL));
    assertThat(general.total()).isEqualTo(2);
    assertThat(general.items()).hasSize(1);
    assertThat(general.hasMore()).isTrue();
    assertThat(board.listImages(0, 10, List.of(ImageCategory.USER)).items()).extracting(ImageInfo::name)
        .containsExactly(asset.name());

    assertThat(board.star(fromBytes.name())).isTrue();
    assertThat(board.imageInfo(fromBytes.name())).hasValueSatisfying(i -> assertThat(i.starred()).isTrue());
    assertThat(board.listImages(0, 10, List.of(ImageCategory.GENERAL)).items().get(0).name())
        .isEqualTo(fromBytes.name());
    assertThat(board.unstar(fromBytes.name())).isTrue();
    assertThat(board.imageInfo(fromBytes.name())).hasValueSatisfying(i -> assertThat(i.starred()).isFalse());

    byte[] full = board.downloadImage(fromFile.name(), ImageSize.FULL);
    byte[] thumbnail = board.downloadImage(fromFile.name(), ImageSize.THUMBNAIL);
    assertThat(TestImages.rgbPixels(full)).isEqualTo(TestImages.rgbPixels(TestImages.gradientPng(6, 4)));
    assertThat(new String(thumbnail, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
    assertThat(board.imageMetadata(fromFile.name())).isEmpty();

    board.moveImageTo(fromFile.name(), other.boardId());
    assertThat(other.listImageNames()).containsExactly(fromFile.name());
    assertThatThrownBy(() -> board.deleteImage(fromFile.name())).isInstanceOf(IllegalArgumentException.class);

    board.removeImage(fromBytes.name());
    assertThat(client.images().find(fromBytes.name())).hasValueSatisfying(i -> assertThat(i.boardId()).isEmpty());
    assertThat(repo.uncategorizedBoard().listImageNames()).contains(fromBytes.name());
    assertThat(repo.getBoardById(BoardId.NONE)).hasValueSatisfying(b -> assertThat(b.imageCount()).isPositive());

    assertThat(board.deleteImage(asset.name())).isTrue();
    assertThat(board.listImageNames()).isEmpty();
  }

  @Test
  void findRenameArchiveAndList() {
    BoardHandle board = newBoard("named");
    String name = board.board().name();

    assertThat(repo.getBoardByName(name)).hasValueSatisfying(b -> assertThat(b.id()).isEqualTo(board.boardId()));
    assertThat(repo.listBoards(false).get(0).id()).isEqualTo(BoardId.NONE);
    String renamed = Servers.unique("renamed");
    assertThat(repo.renameBoard(board.boardId(), renamed).name()).isEqualTo(renamed);
    assertThat(repo.getBoardByName(renamed)).isPresent();
    assertThat(repo.archiveBoard(board.boardId(), true).archived()).isTrue();
    assertThat(repo.listBoards(false)).extracting(Board::id).doesNotContain(board.boardId());
    assertThat(repo.listBoards(true)).extracting(Board::id).contains(board.boardId());
    assertThat(repo.archiveBoard(board.boardId(), false).archived()).isFalse();
    assertThat(repo.getBoardHandle(board.boardId()).boardId()).isEqualTo(board.boardId());
    assertThatThrownBy(() -> repo.getBoardHandle(BoardId.of("invoke4j-no-such-board")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deleteBoardWithAndWithoutItsImages() {
    BoardHandle keep = newBoard("keep");
    ImageInfo kept = track(keep.uploadImage(TestImages.gradientPng(2, 2), "k.png"));
    BoardHandle drop = newBoard("drop");
    ImageInfo dropped = track(drop.uploadImage(TestImages.gradientPng(2, 2), "d.png"));

    assertThat(repo.deleteBoard(keep.boardId(), false)).isEmpty();
    assertThat(repo.deleteBoard(drop.boardId(), true)).containsExactly(dropped.name());

    assertThat(client.images().find(kept.name())).hasValueSatisfying(i -> assertThat(i.boardId()).isEmpty());
    assertThat(client.images().find(dropped.name())).isEmpty();
    assertThat(repo.getBoardById(keep.boardId())).isEmpty();
    assertThat(repo.getBoardById(drop.boardId())).isEmpty();
  }
}
