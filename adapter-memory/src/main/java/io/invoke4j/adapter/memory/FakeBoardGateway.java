package io.invoke4j.adapter.memory;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.ports.BoardGateway;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The in-memory boards of a {@link MemoryInvokeAI}; {@link BoardId#NONE} stands for uncategorized. */
public final class FakeBoardGateway implements BoardGateway {
  private final MemoryInvokeAI server;

  FakeBoardGateway(MemoryInvokeAI server) {
    this.server = server;
  }

  @Override
  public List<Board> list(boolean includeArchived) {
    synchronized (server.lock) {
      return server.boards.values().stream().filter(b -> includeArchived || !b.archived)
          .sorted(Comparator.comparing((MemoryInvokeAI.Board b) -> b.createdAt).reversed())
          .map(this::toBoard).collect(Collectors.toList());
    }
  }

  @Override
  public Optional<Board> find(BoardId id) {
    synchronized (server.lock) {
      return Optional.ofNullable(server.boards.get(id.value())).map(this::toBoard);
    }
  }

  @Override
  public Board create(String name) {
    requireNonNull(name, "name == null");
    if (name.length() > 300) {
      throw new InvokeHttpException(422, "POST", "/api/v1/boards/", "board_name is longer than 300 characters");
    }
    synchronized (server.lock) {
      MemoryInvokeAI.Board board = new MemoryInvokeAI.Board(server.newId(), name, server.now());
      server.boards.put(board.id, board);
      return toBoard(board);
    }
  }

  @Override
  public Board rename(BoardId id, String name) {
    requireNonNull(name, "name == null");
    synchronized (server.lock) {
      MemoryInvokeAI.Board board = existing(id, "PATCH");
      board.name = name;
      return toBoard(board);
    }
  }

  @Override
  public Board archive(BoardId id, boolean archived) {
    synchronized (server.lock) {
      MemoryInvokeAI.Board board = existing(id, "PATCH");
      board.archived = archived;
      return toBoard(board);
    }
  }

  @Override
  public List<ImageName> delete(BoardId id, boolean alsoDeleteImages) {
    synchronized (server.lock) {
      existing(id, "DELETE");
      server.boards.remove(id.value());
      List<ImageName> deleted = new ArrayList<>();
      server.images.values().removeIf(image -> {
        if (!id.value().equals(image.boardId)) {
          return false;
        }
        if (alsoDeleteImages) {
          deleted.add(ImageName.of(image.name));
          return true;
        }
        image.boardId = null;
        return false;
      });
      return deleted;
    }
  }

  @Override
  public List<ImageName> imageNames(BoardId id) {
    String wanted = id.isUncategorized() ? null : id.value();
    synchronized (server.lock) {
      return server.images.values().stream().filter(i -> Objects.equals(wanted, i.boardId))
          .sorted(Comparator.comparing((StoredImage i) -> i.createdAt).reversed())
          .map(i -> ImageName.of(i.name)).collect(Collectors.toList());
    }
  }

  @Override
  public void addImage(BoardId board, ImageName image) {
    synchronized (server.lock) {
      existing(board, "POST");
      stored(image, "POST").boardId = board.value();
    }
  }

  @Override
  public void removeImage(ImageName image) {
    synchronized (server.lock) {
      stored(image, "DELETE").boardId = null;
    }
  }

  private StoredImage stored(ImageName name, String method) {
    StoredImage image = server.images.get(name.value());
    if (image == null) {
      throw new InvokeHttpException(404, method, "/api/v1/board_images/", "{\"detail\":\"Image not found\"}");
    }
    return image;
  }

  private MemoryInvokeAI.Board existing(BoardId id, String method) {
    MemoryInvokeAI.Board board = server.boards.get(id.value());
    if (board == null) {
      throw new InvokeHttpException(404, method, "/api/v1/boards/" + id.value(), "{\"detail\":\"Board not found\"}");
    }
    return board;
  }

  private Board toBoard(MemoryInvokeAI.Board board) {
    List<StoredImage> on = server.images.values().stream().filter(i -> board.id.equals(i.boardId))
        .sorted(Comparator.comparing((StoredImage i) -> i.createdAt).reversed()).collect(Collectors.toList());
    int general = (int) on.stream().filter(i -> i.category == ImageCategory.GENERAL).count();
    return Board.builder().id(BoardId.of(board.id)).name(board.name).imageCount(general)
        .assetCount(on.size() - general).archived(board.archived)
        .coverImage(on.stream().findFirst().map(i -> ImageName.of(i.name))).createdAt(board.createdAt).build();
  }
}
