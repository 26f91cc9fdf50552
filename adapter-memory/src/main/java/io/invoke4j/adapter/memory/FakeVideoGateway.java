package io.invoke4j.adapter.memory;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageQuery;
import io.invoke4j.domain.image.VideoInfo;
import io.invoke4j.domain.image.VideoName;
import io.invoke4j.domain.image.VideoPage;
import io.invoke4j.ports.VideoGateway;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory video store of a {@link MemoryInvokeAI}. It keeps the bytes as the server does but
 * does not decode them: it takes any MP4 (an {@code ftyp} box first, else 415), reports width,
 * height and duration 0 and no fps, and its "thumbnail" is the first bytes of the file. Deleting a
 * board leaves its videos in place (uncategorized).
 */
public final class FakeVideoGateway implements VideoGateway {
  private final MemoryInvokeAI server;
  private final Map<String, Stored> videos = new LinkedHashMap<>();

  private static final class Stored {
    final String name;
    final byte[] bytes;
    final ImageCategory category;
    final boolean intermediate;
    final Instant createdAt;
    String boardId;
    boolean starred;

    Stored(String name, byte[] bytes, ImageCategory category, boolean intermediate, Instant createdAt, String boardId) {
      this.name = name;
      this.bytes = bytes;
      this.category = category;
      this.intermediate = intermediate;
      this.createdAt = createdAt;
      this.boardId = boardId;
    }

    VideoInfo toInfo() {
      return VideoInfo.builder().name(VideoName.of(name)).boardId(Optional.ofNullable(boardId).map(BoardId::of))
          .category(category).width(0).height(0).durationSeconds(0).intermediate(intermediate).starred(starred)
          .hasWorkflow(false).origin("external").createdAt(createdAt).build();
    }
  }

  FakeVideoGateway(MemoryInvokeAI server) {
    this.server = server;
  }

  @Override
  public VideoInfo upload(byte[] bytes, String fileName, ImageCategory category, Optional<BoardId> board,
      boolean intermediate) {
    requireNonNull(bytes, "bytes == null");
    requireNonNull(category, "category == null");
    requireNonNull(board, "board == null");
    if (bytes.length < 8 || !"ftyp".equals(new String(bytes, 4, 4, StandardCharsets.US_ASCII))) {
      throw new InvokeHttpException(415, "POST", "/api/v1/videos/upload", "Not a video");
    }
    String boardId = board.filter(b -> !b.isUncategorized()).map(BoardId::value).orElse(null);
    synchronized (server.lock) {
      if (boardId != null && !server.boards.containsKey(boardId)) {
        throw new InvokeHttpException(404, "POST", "/api/v1/videos/upload", "Board not found");
      }
      Stored stored = new Stored(server.newId() + ".mp4", bytes.clone(), category, intermediate, server.now(), boardId);
      videos.put(stored.name, stored);
      return stored.toInfo();
    }
  }

  @Override
  public Optional<VideoInfo> find(VideoName name) {
    synchronized (server.lock) {
      return Optional.ofNullable(videos.get(name.value())).map(Stored::toInfo);
    }
  }

  /** Filters by board, category and intermediate flag; orders as the image list does. */
  @Override
  public VideoPage list(ImageQuery query) {
    requireNonNull(query, "query == null");
    synchronized (server.lock) {
      List<Stored> all = new ArrayList<>(videos.values());
      List<Stored> matching = new ArrayList<>();
      for (Stored video : all) {
        boolean board = query.board().map(b -> b.isUncategorized() ? video.boardId == null
            : b.value().equals(video.boardId)).orElse(true);
        boolean category = query.categories().isEmpty() || query.categories().contains(video.category);
        boolean intermediate = query.intermediate().map(i -> i == video.intermediate).orElse(true);
        if (board && category && intermediate) {
          matching.add(video);
        }
      }
      Comparator<Stored> byAge = Comparator.comparing((Stored v) -> v.createdAt).thenComparing(all::indexOf);
      Comparator<Stored> order = query.newestFirst() ? byAge.reversed() : byAge;
      if (query.starredFirst()) {
        order = Comparator.comparing((Stored v) -> !v.starred).thenComparing(order);
      }
      matching.sort(order);
      return VideoPage.builder().items(matching.stream().skip(query.offset()).limit(query.limit())
          .map(Stored::toInfo).toList()).offset(query.offset()).limit(query.limit()).total(matching.size()).build();
    }
  }

  @Override
  public byte[] download(VideoName name) {
    return stored(name, "full").bytes.clone();
  }

  @Override
  public byte[] downloadThumbnail(VideoName name) {
    byte[] bytes = stored(name, "thumbnail").bytes;
    return Arrays.copyOf(bytes, Math.min(bytes.length, 64));
  }

  private Stored stored(VideoName name, String what) {
    synchronized (server.lock) {
      Stored video = videos.get(name.value());
      if (video == null) {
        throw new InvokeHttpException(404, "GET", "/api/v1/videos/i/" + name.value() + "/" + what, "Not Found");
      }
      return video;
    }
  }

  @Override
  public List<VideoName> delete(List<VideoName> names) {
    synchronized (server.lock) {
      return names.stream().filter(n -> videos.remove(n.value()) != null).toList();
    }
  }

  @Override
  public List<VideoName> star(List<VideoName> names, boolean starred) {
    synchronized (server.lock) {
      List<VideoName> changed = new ArrayList<>();
      for (VideoName name : names) {
        Stored video = videos.get(name.value());
        if (video != null) {
          video.starred = starred;
          changed.add(name);
        }
      }
      return changed;
    }
  }

  @Override
  public void moveToBoard(VideoName name, BoardId board) {
    requireNonNull(board, "board == null");
    synchronized (server.lock) {
      Stored video = stored(name, "board");
      if (!board.isUncategorized() && !server.boards.containsKey(board.value())) {
        throw new InvokeHttpException(404, "POST", "/api/v1/videos/board", "Board not found");
      }
      video.boardId = board.isUncategorized() ? null : board.value();
    }
  }
}
