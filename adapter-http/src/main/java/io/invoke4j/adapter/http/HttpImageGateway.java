package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImagePage;
import io.invoke4j.domain.image.ImageQuery;
import io.invoke4j.ports.ImageGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * {@link ImageGateway} over {@code /api/v1/images}.
 *
 * <p>Every method may throw {@link InvokeHttpException} on an error status, {@link
 * InvokeTransportException} when the server cannot be reached and {@link InvokeProtocolException}
 * when its answer cannot be read. Thread-safe.
 */
public final class HttpImageGateway implements ImageGateway {
  private static final String IMAGES = "api/v1/images/";
  private static final int MAX_NAMES_PER_REQUEST = 1000;

  private final InvokeHttp http;

  /** A gateway over {@code http}'s server. */
  public HttpImageGateway(InvokeHttp http) {
    this.http = requireNonNull(http, "http == null");
  }

  /**
   * {@inheritDoc} The part's content type comes from the bytes (PNG, JPEG, WebP, GIF, BMP), else
   * from the file name's extension. Never repeated after a 502-504 (it would store a second copy).
   */
  @Override
  public ImageInfo upload(byte[] bytes, String fileName, ImageCategory category,
      Optional<BoardId> board, boolean intermediate) {
    requireNonNull(bytes, "bytes == null");
    requireNonNull(fileName, "fileName == null");
    requireNonNull(category, "category == null");
    requireNonNull(board, "board == null");
    ContentType type = ContentType.create(mimeType(bytes, fileName));
    InvokeHttp.Request request = http.request("POST", IMAGES + "upload")
        .query("image_category", category.wire())
        .query("is_intermediate", intermediate);
    // "none" is a list filter only: uploading with board_id=none is a 404 (6.14.2)
    board.filter(b -> !b.isUncategorized()).ifPresent(b -> request.query("board_id", b.value()));
    request.entity(() -> MultipartEntityBuilder.create()
        .addBinaryBody("file", bytes, type, fileName)
        .build());
    return ImageMapper.toImageInfo(request.sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<ImageInfo> find(ImageName name) {
    requireNonNull(name, "name == null");
    return http.get(imagePath(name)).findJson().map(ImageMapper::toImageInfo);
  }

  /** {@inheritDoc} An empty list sends nothing. */
  @Override
  public List<ImageInfo> list(List<ImageName> names) {
    requireNonNull(names, "names == null");
    List<ImageInfo> images = new ArrayList<>();
    for (int i = 0; i < names.size(); i += MAX_NAMES_PER_REQUEST) {
      List<ImageName> chunk = names.subList(i, Math.min(names.size(), i + MAX_NAMES_PER_REQUEST));
      images.addAll(ImageMapper.toImageInfos(
          http.request("POST", IMAGES + "images_by_names").json(namesBody(chunk)).readOnly()
              .sendJson()));
    }
    return images;
  }

  /** {@inheritDoc} */
  @Override
  public ImagePage list(ImageQuery query) {
    requireNonNull(query, "query == null");
    InvokeHttp.Request request = http.get(IMAGES)
        .query("offset", query.offset())
        .query("limit", query.limit())
        .query("order_dir", query.newestFirst() ? "DESC" : "ASC")
        .query("starred_first", query.starredFirst());
    // "none" is a valid filter here: the uncategorized images
    query.board().ifPresent(b -> request.query("board_id", b.value()));
    query.categories().forEach(c -> request.query("categories", c.wire()));
    query.intermediate().ifPresent(i -> request.query("is_intermediate", i));
    query.origin().ifPresent(o -> request.query("image_origin", o));
    query.searchTerm().ifPresent(t -> request.query("search_term", t));
    return ImageMapper.toImagePage(request.sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public byte[] download(ImageName name) {
    requireNonNull(name, "name == null");
    return http.get(imagePath(name) + "/full").send().body();
  }

  /** {@inheritDoc} */
  @Override
  public byte[] downloadThumbnail(ImageName name) {
    requireNonNull(name, "name == null");
    return http.get(imagePath(name) + "/thumbnail").send().body();
  }

  /** {@inheritDoc} */
  @Override
  public Optional<JsonNode> metadata(ImageName name) {
    requireNonNull(name, "name == null");
    return http.get(imagePath(name) + "/metadata").findJson();
  }

  /**
   * {@inheritDoc} The server sends the workflow as a JSON string inside {@code {"workflow": "..."}};
   * it is parsed here.
   *
   * @throws InvokeProtocolException when the embedded workflow is not JSON
   */
  @Override
  public Optional<JsonNode> workflow(ImageName name) {
    requireNonNull(name, "name == null");
    return http.get(imagePath(name) + "/workflow").findJson()
        .map(json -> Json.member(json, "workflow"))
        .map(this::parseEmbedded)
        .filter(n -> !n.isNull());
  }

  private JsonNode parseEmbedded(JsonNode workflow) {
    if (!workflow.isTextual()) {
      return workflow;
    }
    try {
      return http.mapper().readTree(workflow.asText());
    } catch (JsonProcessingException e) {
      throw new InvokeProtocolException("an image's embedded workflow is not JSON", e);
    }
  }

  /** {@inheritDoc} */
  @Override
  public boolean delete(ImageName name) {
    requireNonNull(name, "name == null");
    // 6.14.2 answers 404 "Image not found" for an unknown name, not an empty delete result
    return http.request("DELETE", imagePath(name)).findJson()
        .map(json -> ImageMapper.names(json, "deleted_images").contains(name))
        .orElse(false);
  }

  /** {@inheritDoc} An empty list sends nothing. */
  @Override
  public List<ImageName> delete(List<ImageName> names) {
    requireNonNull(names, "names == null");
    if (names.isEmpty()) {
      return List.of();
    }
    // deleting again deletes nothing more: safe to repeat
    JsonNode json = http.request("POST", IMAGES + "delete").json(namesBody(names)).readOnly()
        .sendJson();
    return ImageMapper.names(json, "deleted_images");
  }

  /** {@inheritDoc} An empty list sends nothing. */
  @Override
  public List<ImageName> star(List<ImageName> names, boolean starred) {
    requireNonNull(names, "names == null");
    if (names.isEmpty()) {
      return List.of();
    }
    JsonNode json = http.request("POST", IMAGES + (starred ? "star" : "unstar"))
        .json(namesBody(names)).readOnly().sendJson();
    return ImageMapper.names(json, starred ? "starred_images" : "unstarred_images");
  }

  private ObjectNode namesBody(List<ImageName> names) {
    ObjectNode body = http.mapper().createObjectNode();
    ArrayNode array = body.putArray("image_names");
    names.forEach(n -> array.add(n.value()));
    return body;
  }

  private static String imagePath(ImageName name) {
    return IMAGES + "i/" + InvokeHttp.seg(name.value());
  }

  /** The type from the magic bytes, else the extension; the server wants {@code image/*}. */
  static String mimeType(byte[] bytes, String fileName) {
    if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
      return "image/png";
    }
    if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W'
        && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
      return "image/webp";
    }
    if (startsWith(bytes, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (startsWith(bytes, 'B', 'M')) {
      return "image/bmp";
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    String ext = dot < 0 ? "" : lower.substring(dot + 1);
    switch (ext) {
      case "jpg":
      case "jpeg":
        return "image/jpeg";
      case "webp":
        return "image/webp";
      case "gif":
        return "image/gif";
      case "bmp":
        return "image/bmp";
      case "tif":
      case "tiff":
        return "image/tiff";
      case "png":
        return "image/png";
      default:
        return "application/octet-stream";
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
