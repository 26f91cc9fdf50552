package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageQuery;
import io.invoke4j.domain.image.VideoInfo;
import io.invoke4j.domain.image.VideoName;
import io.invoke4j.domain.image.VideoPage;
import io.invoke4j.ports.VideoGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * {@link VideoGateway} over {@code /api/v1/videos}.
 *
 * <p>Every method may throw {@link InvokeHttpException} on an error status, {@link
 * InvokeTransportException} when the server cannot be reached and {@link InvokeProtocolException}
 * when its answer cannot be read. Thread-safe.
 */
public final class HttpVideoGateway implements VideoGateway {
  private static final String VIDEOS = "api/v1/videos/";

  private final InvokeHttp http;

  /** A gateway over {@code http}'s server. */
  public HttpVideoGateway(InvokeHttp http) {
    this.http = requireNonNull(http, "http == null");
  }

  /** {@inheritDoc} Sent as {@code video/mp4}. Never repeated after a 502-504 (it would store a second copy). */
  @Override
  public VideoInfo upload(byte[] bytes, String fileName, ImageCategory category, Optional<BoardId> board,
      boolean intermediate) {
    requireNonNull(bytes, "bytes == null");
    requireNonNull(fileName, "fileName == null");
    requireNonNull(category, "category == null");
    requireNonNull(board, "board == null");
    InvokeHttp.Request request = http.request("POST", VIDEOS + "upload")
        .query("video_category", category.wire())
        .query("is_intermediate", intermediate);
    board.filter(b -> !b.isUncategorized()).ifPresent(b -> request.query("board_id", b.value()));
    request.entity(() -> MultipartEntityBuilder.create()
        .addBinaryBody("file", bytes, ContentType.create("video/mp4"), fileName)
        .build());
    return VideoMapper.toVideoInfo(request.sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<VideoInfo> find(VideoName name) {
    requireNonNull(name, "name == null");
    return http.get(videoPath(name)).findJson().map(VideoMapper::toVideoInfo);
  }

  /** {@inheritDoc} */
  @Override
  public VideoPage list(ImageQuery query) {
    requireNonNull(query, "query == null");
    InvokeHttp.Request request = http.get(VIDEOS)
        .query("offset", query.offset())
        .query("limit", query.limit())
        .query("order_dir", query.newestFirst() ? "DESC" : "ASC")
        .query("starred_first", query.starredFirst());
    query.board().ifPresent(b -> request.query("board_id", b.value()));
    query.categories().forEach(c -> request.query("categories", c.wire()));
    query.intermediate().ifPresent(i -> request.query("is_intermediate", i));
    query.origin().ifPresent(o -> request.query("video_origin", o));
    query.searchTerm().ifPresent(t -> request.query("search_term", t));
    return VideoMapper.toVideoPage(request.sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public byte[] download(VideoName name) {
    requireNonNull(name, "name == null");
    return http.get(videoPath(name) + "/full").send().body();
  }

  /** {@inheritDoc} */
  @Override
  public byte[] downloadThumbnail(VideoName name) {
    requireNonNull(name, "name == null");
    return http.get(videoPath(name) + "/thumbnail").send().body();
  }

  /** {@inheritDoc} An empty list sends nothing. */
  @Override
  public List<VideoName> delete(List<VideoName> names) {
    requireNonNull(names, "names == null");
    if (names.isEmpty()) {
      return List.of();
    }
    return VideoMapper.names(http.request("POST", VIDEOS + "delete").json(namesBody(names)).readOnly().sendJson(),
        "deleted_videos");
  }

  /** {@inheritDoc} An empty list sends nothing. */
  @Override
  public List<VideoName> star(List<VideoName> names, boolean starred) {
    requireNonNull(names, "names == null");
    if (names.isEmpty()) {
      return List.of();
    }
    JsonNode json = http.request("POST", VIDEOS + (starred ? "star" : "unstar")).json(namesBody(names))
        .readOnly().sendJson();
    return VideoMapper.names(json, starred ? "starred_videos" : "unstarred_videos");
  }

  /** {@inheritDoc} */
  @Override
  public void moveToBoard(VideoName name, BoardId board) {
    requireNonNull(name, "name == null");
    requireNonNull(board, "board == null");
    ObjectNode body = http.mapper().createObjectNode().put("video_name", name.value());
    if (board.isUncategorized()) {
      http.request("DELETE", VIDEOS + "board").json(body).send(); // DELETE with a JSON body, as for images
    } else {
      body.put("board_id", board.value());
      http.request("POST", VIDEOS + "board").json(body).readOnly().send();
    }
  }

  private ObjectNode namesBody(List<VideoName> names) {
    ObjectNode body = http.mapper().createObjectNode();
    ArrayNode array = body.putArray("video_names");
    names.forEach(n -> array.add(n.value()));
    return body;
  }

  private static String videoPath(VideoName name) {
    return VIDEOS + "i/" + InvokeHttp.seg(name.value());
  }

  /** Reads {@code VideoDTO}, its pages and name lists. */
  static final class VideoMapper {
    private VideoMapper() {}

    static VideoInfo toVideoInfo(JsonNode json) {
      if (json == null || !json.isObject()) {
        throw new InvokeProtocolException("a video must be a JSON object: " + Json.excerpt(json));
      }
      JsonNode fps = Json.member(json, "fps");
      JsonNode duration = Json.member(json, "duration");
      return VideoInfo.builder()
          .name(VideoName.of(Json.requiredText(json, "video_name", "video")))
          .boardId(Json.text(json, "board_id").filter(s -> !s.isBlank() && !s.equals("none")).map(BoardId::of))
          .category(Json.text(json, "video_category").flatMap(VideoMapper::category))
          .width(Json.integer(json, "width"))
          .height(Json.integer(json, "height"))
          .durationSeconds(duration == null ? 0.0 : duration.asDouble())
          .fps(fps == null ? Optional.empty() : Optional.of(fps.asDouble()))
          .intermediate(Json.bool(json, "is_intermediate"))
          .starred(Json.bool(json, "starred"))
          .hasWorkflow(Json.bool(json, "has_workflow"))
          .origin(Json.text(json, "video_origin"))
          .sessionId(Json.text(json, "session_id"))
          .nodeId(Json.text(json, "node_id"))
          .createdAt(Json.instant(json, "created_at"))
          .raw(json)
          .build();
    }

    static VideoPage toVideoPage(JsonNode json) {
      if (json == null || !json.isObject()) {
        throw new InvokeProtocolException("a video page must be a JSON object: " + Json.excerpt(json));
      }
      List<VideoInfo> items = new ArrayList<>();
      JsonNode list = Json.member(json, "items");
      if (list != null && list.isArray()) {
        list.forEach(node -> items.add(toVideoInfo(node)));
      }
      return VideoPage.builder().items(items).offset(Json.integer(json, "offset"))
          .limit(Json.integer(json, "limit")).total(Json.integer(json, "total")).build();
    }

    static List<VideoName> names(JsonNode json, String member) {
      JsonNode list = Json.member(json, member);
      List<VideoName> names = new ArrayList<>();
      if (list != null && list.isArray()) {
        list.forEach(n -> {
          if (n.isTextual() && !n.asText().isBlank()) {
            names.add(VideoName.of(n.asText()));
          }
        });
      }
      return names;
    }

    private static Optional<ImageCategory> category(String text) {
      try {
        return Optional.of(ImageCategory.fromWire(text));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
