package io.invoke4j.adapter.memory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImagePage;
import io.invoke4j.domain.image.ImageQuery;
import java.util.Comparator;
import java.util.Locale;
import io.invoke4j.ports.ImageGateway;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory image store of a {@link MemoryInvokeAI}. Uploads are decoded and re-encoded as PNG,
 * as the server does; thumbnails are PNG too (the server's are WebP, which the JDK cannot write).
 */
public final class FakeImageGateway implements ImageGateway {
  private final MemoryInvokeAI server;

  FakeImageGateway(MemoryInvokeAI server) {
    this.server = server;
  }

  @Override
  public ImageInfo upload(byte[] bytes, String fileName, ImageCategory category, Optional<BoardId> board,
      boolean intermediate) {
    requireNonNull(bytes, "bytes == null");
    requireNonNull(category, "category == null");
    BufferedImage image = Imaging.read(bytes);
    if (image == null) {
      throw new InvokeHttpException(415, "POST", "/api/v1/images/upload", "{\"detail\":\"Failed to read image\"}");
    }
    String boardId = board.filter(b -> !b.isUncategorized()).map(BoardId::value).orElse(null);
    synchronized (server.lock) {
      if (boardId != null && !server.boards.containsKey(boardId)) {
        throw new InvokeHttpException(404, "POST", "/api/v1/images/upload", "{\"detail\":\"Board not found\"}");
      }
      String name = server.newId() + ".png";
      StoredImage stored = new StoredImage(name, Imaging.png(image), image.getWidth(), image.getHeight(), category,
          "external", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), server.now(),
          intermediate, boardId);
      server.images.put(name, stored);
      return stored.toInfo();
    }
  }

  @Override
  public Optional<ImageInfo> find(ImageName name) {
    synchronized (server.lock) {
      return Optional.ofNullable(server.images.get(name.value())).map(StoredImage::toInfo);
    }
  }

  @Override
  public List<ImageInfo> list(List<ImageName> names) {
    synchronized (server.lock) {
      List<ImageInfo> found = new ArrayList<>();
      for (ImageName name : names) {
        StoredImage image = server.images.get(name.value());
        if (image != null) {
          found.add(image.toInfo());
        }
      }
      return found;
    }
  }

  /**
   * Filters as the server does; orders starred first (when asked), then by creation time and, for
   * images created in the same instant, by upload order. The search term matches the name and the
   * metadata's text.
   */
  @Override
  public ImagePage list(ImageQuery query) {
    requireNonNull(query, "query == null");
    synchronized (server.lock) {
      List<StoredImage> all = new ArrayList<>(server.images.values());
      List<StoredImage> matching = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        StoredImage image = all.get(i);
        if (matches(image, query)) {
          matching.add(image);
        }
      }
      Comparator<StoredImage> byAge = Comparator.comparing((StoredImage image) -> image.createdAt)
          .thenComparing(image -> all.indexOf(image));
      Comparator<StoredImage> order = query.newestFirst() ? byAge.reversed() : byAge;
      if (query.starredFirst()) {
        order = Comparator.comparing((StoredImage image) -> !image.starred).thenComparing(order);
      }
      matching.sort(order);
      List<ImageInfo> page = matching.stream().skip(query.offset()).limit(query.limit())
          .map(StoredImage::toInfo).toList();
      return ImagePage.builder().items(page).offset(query.offset()).limit(query.limit())
          .total(matching.size()).build();
    }
  }

  private static boolean matches(StoredImage image, ImageQuery query) {
    if (query.board().isPresent()) {
      BoardId board = query.board().get();
      if (board.isUncategorized() ? image.boardId != null : !board.value().equals(image.boardId)) {
        return false;
      }
    }
    if (!query.categories().isEmpty() && !query.categories().contains(image.category)) {
      return false;
    }
    if (query.intermediate().isPresent() && query.intermediate().get() != image.intermediate) {
      return false;
    }
    if (query.origin().isPresent() && !query.origin().get().equals(image.origin)) {
      return false;
    }
    if (query.searchTerm().isPresent()) {
      String term = query.searchTerm().get().toLowerCase(Locale.ROOT);
      String text = (image.name + " " + image.metadata.map(JsonNode::toString).orElse("")).toLowerCase(Locale.ROOT);
      return text.contains(term);
    }
    return true;
  }

  @Override
  public byte[] download(ImageName name) {
    return stored(name, "full").png.clone();
  }

  @Override
  public byte[] downloadThumbnail(ImageName name) {
    StoredImage image = stored(name, "thumbnail");
    BufferedImage full = Imaging.read(image.png);
    double scale = Math.min(1.0, 256.0 / Math.max(image.width, image.height));
    return Imaging.png(Imaging.resize(full, Math.max(1, (int) Math.round(image.width * scale)),
        Math.max(1, (int) Math.round(image.height * scale)), "bicubic"));
  }

  private StoredImage stored(ImageName name, String what) {
    synchronized (server.lock) {
      StoredImage image = server.images.get(name.value());
      if (image == null) {
        throw new InvokeHttpException(404, "GET", "/api/v1/images/i/" + name.value() + "/" + what,
            "{\"detail\":\"Not Found\"}");
      }
      return image;
    }
  }

  @Override
  public Optional<JsonNode> metadata(ImageName name) {
    synchronized (server.lock) {
      return Optional.ofNullable(server.images.get(name.value())).flatMap(i -> i.metadata).map(JsonNode::deepCopy);
    }
  }

  @Override
  public Optional<JsonNode> workflow(ImageName name) {
    synchronized (server.lock) {
      return Optional.ofNullable(server.images.get(name.value())).flatMap(i -> i.workflow).map(JsonNode::deepCopy);
    }
  }

  @Override
  public boolean delete(ImageName name) {
    synchronized (server.lock) {
      return server.images.remove(name.value()) != null;
    }
  }

  @Override
  public List<ImageName> delete(List<ImageName> names) {
    List<ImageName> deleted = new ArrayList<>();
    for (ImageName name : names) {
      if (delete(name)) {
        deleted.add(name);
      }
    }
    return deleted;
  }

  /** Like the server, names already (un)starred are reported again; unknown names are not. */
  @Override
  public List<ImageName> star(List<ImageName> names, boolean starred) {
    synchronized (server.lock) {
      List<ImageName> changed = new ArrayList<>();
      for (ImageName name : names) {
        StoredImage image = server.images.get(name.value());
        if (image != null) {
          image.starred = starred;
          changed.add(name);
        }
      }
      return changed;
    }
  }
}
