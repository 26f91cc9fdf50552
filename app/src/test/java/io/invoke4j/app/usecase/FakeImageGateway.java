package io.invoke4j.app.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImagePage;
import io.invoke4j.domain.image.ImageQuery;
import io.invoke4j.ports.ImageGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Images in memory: uploads are named {@code upload-N.png}; {@link #put} adds a generated one. */
public final class FakeImageGateway implements ImageGateway {
  private final Map<ImageName, byte[]> images = new LinkedHashMap<>();
  private final List<ImageName> deleted = new ArrayList<>();
  private int uploads;

  public synchronized void put(String name, byte[] bytes) {
    images.put(ImageName.of(name), bytes.clone());
  }

  public synchronized Map<ImageName, byte[]> stored() {
    return Map.copyOf(images);
  }

  public synchronized List<ImageName> deleted() {
    return List.copyOf(deleted);
  }

  @Override
  public synchronized ImageInfo upload(byte[] bytes, String fileName, ImageCategory category,
      Optional<BoardId> board, boolean intermediate) {
    ImageName name = ImageName.of("upload-" + ++uploads + ".png");
    images.put(name, bytes.clone());
    return info(name);
  }

  private static ImageInfo info(ImageName name) {
    return ImageInfo.builder().name(name).width(64).height(64).intermediate(false).starred(false)
        .hasWorkflow(false).build();
  }

  @Override
  public synchronized Optional<ImageInfo> find(ImageName name) {
    return images.containsKey(name) ? Optional.of(info(name)) : Optional.empty();
  }

  @Override
  public synchronized List<ImageInfo> list(List<ImageName> names) {
    return names.stream().filter(images::containsKey).map(FakeImageGateway::info).toList();
  }

  @Override
  public synchronized byte[] download(ImageName name) {
    byte[] bytes = images.get(name);
    if (bytes == null) {
      throw new IllegalStateException("no image " + name.value());
    }
    return bytes.clone();
  }

  @Override
  public byte[] downloadThumbnail(ImageName name) {
    return download(name);
  }

  @Override
  public Optional<JsonNode> metadata(ImageName name) {
    return Optional.empty();
  }

  @Override
  public Optional<JsonNode> workflow(ImageName name) {
    return Optional.empty();
  }

  @Override
  public synchronized boolean delete(ImageName name) {
    deleted.add(name);
    return images.remove(name) != null;
  }

  @Override
  public synchronized List<ImageName> delete(List<ImageName> names) {
    List<ImageName> gone = new ArrayList<>();
    for (ImageName name : names) {
      if (delete(name)) {
        gone.add(name);
      }
    }
    return gone;
  }

  @Override
  public List<ImageName> star(List<ImageName> names, boolean starred) {
    throw new UnsupportedOperationException();
  }

  /** Every stored image, oldest first, ignoring the filters (this fake keeps no boards or categories). */
  @Override
  public synchronized ImagePage list(ImageQuery query) {
    List<ImageInfo> all = images.keySet().stream().map(FakeImageGateway::info).toList();
    List<ImageInfo> page = all.stream().skip(query.offset()).limit(query.limit()).toList();
    return ImagePage.builder().items(page).offset(query.offset()).limit(query.limit()).total(all.size()).build();
  }
}
