package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImagePage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardRepositoryTest {
  private final InvokeAIClient client = InvokeAIClient.inMemory();
  private final BoardRepository repo = client.boardRepo();

  @AfterEach
  void close() {
    client.close();
  }

  static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xFF0000);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void uncategorizedBoardComesFirstAndIsFoundById() {
    repo.uncategorizedBoard().uploadImage(png(2, 2), "a.png");
    BoardHandle renders = repo.createBoard("renders");

    List<Board> boards = repo.listBoards(false);

    assertThat(boards).extracting(Board::id).containsExactly(BoardId.NONE, renders.boardId());
    assertThat(boards.get(0).name()).isEqualTo(BoardRepository.UNCATEGORIZED_NAME);
    assertThat(boards.get(0).imageCount()).isEqualTo(1);
    assertThat(repo.getBoardById(BoardId.NONE)).hasValueSatisfying(b -> assertThat(b.imageCount()).isEqualTo(1));
    assertThat(repo.getBoardByName("renders")).hasValueSatisfying(b -> assertThat(b.id()).isEqualTo(renders.boardId()));
    assertThat(repo.getBoardByName("nope")).isEmpty();
  }

  @Test
  void renameAndArchiveChangeTheBoard() {
    BoardId id = repo.createBoard("old").boardId();

    assertThat(repo.renameBoard(id, "new").name()).isEqualTo("new");
    assertThat(repo.archiveBoard(id, true).archived()).isTrue();
    assertThat(repo.listBoards(false)).extracting(Board::id).doesNotContain(id);
    assertThat(repo.listBoards(true)).extracting(Board::id).contains(id);
  }

  @Test
  void theUncategorizedBoardCannotBeRenamedArchivedOrDeleted() {
    assertThatThrownBy(() -> repo.renameBoard(BoardId.NONE, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> repo.archiveBoard(BoardId.NONE, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> repo.deleteBoard(BoardId.NONE, true)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void handleOfAnUnknownBoardIsRefused() {
    assertThatThrownBy(() -> repo.getBoardHandle(BoardId.of("nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
  }

  @Test
  void handleUploadsListsMovesStarsDownloadsAndDeletes(@TempDir Path dir) throws IOException {
    BoardHandle board = repo.createBoard("work");
    BoardHandle other = repo.createBoard("other");
    Path file = Files.write(dir.resolve("in.png"), png(3, 2));

    ImageInfo fromFile = board.uploadImage(file);
    ImageInfo fromBytes = board.uploadImage(png(4, 2), "b.png");
    ImageInfo asset = board.uploadImage(png(5, 2), "c.png", ImageCategory.USER);

    assertThat(fromFile.boardId()).contains(board.boardId());
    assertThat(board.listImageNames()).containsExactlyInAnyOrder(fromFile.name(), fromBytes.name(), asset.name());
    ImagePage general = board.listImages(0, 10, List.of(ImageCategory.GENERAL));
    assertThat(general.items()).extracting(ImageInfo::name).containsExactlyInAnyOrder(fromFile.name(), fromBytes.name());

    assertThat(board.star(fromBytes.name())).isTrue();
    assertThat(board.imageInfo(fromBytes.name())).hasValueSatisfying(i -> assertThat(i.starred()).isTrue());
    assertThat(board.unstar(fromBytes.name())).isTrue();

    assertThat(board.downloadImage(fromFile.name(), ImageSize.FULL)).isNotEmpty();
    assertThat(board.downloadImage(fromFile.name(), ImageSize.THUMBNAIL)).isNotEmpty();

    board.moveImageTo(fromFile.name(), other.boardId());
    assertThat(other.listImageNames()).containsExactly(fromFile.name());
    assertThatThrownBy(() -> board.deleteImage(fromFile.name()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not on");

    board.removeImage(fromBytes.name());
    assertThat(repo.uncategorizedBoard().listImageNames()).contains(fromBytes.name());

    assertThat(board.deleteImage(asset.name())).isTrue();
    assertThat(board.listImageNames()).isEmpty();
  }

  @Test
  void deleteBoardKeepsOrDeletesItsImages() {
    BoardHandle keep = repo.createBoard("keep");
    ImageInfo kept = keep.uploadImage(png(2, 2), "k.png");
    BoardHandle drop = repo.createBoard("drop");
    ImageInfo dropped = drop.uploadImage(png(2, 2), "d.png");

    assertThat(repo.deleteBoard(keep.boardId(), false)).isEmpty();
    assertThat(repo.deleteBoard(drop.boardId(), true)).containsExactly(dropped.name());

    assertThat(client.images().find(kept.name())).hasValueSatisfying(i -> assertThat(i.boardId()).isEmpty());
    assertThat(client.images().find(dropped.name())).isEmpty();
    assertThat(repo.getBoardById(keep.boardId())).isEmpty();
  }
}
