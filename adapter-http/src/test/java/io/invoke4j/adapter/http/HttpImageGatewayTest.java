package io.invoke4j.adapter.http;

import static io.invoke4j.adapter.http.Fixtures.fixture;
import static io.invoke4j.adapter.http.Fixtures.json;
import static io.invoke4j.adapter.http.Fixtures.ok;
import static io.invoke4j.adapter.http.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImagePage;
import io.invoke4j.domain.image.ImageQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpImageGatewayTest {
  private static final ImageName NAME = ImageName.of("53bfac39-1312-44b3-b5e4-bf874bf57edb.png");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};

  @StartStop MockWebServer server = new MockWebServer();

  private InvokeHttp http;
  private HttpImageGateway images;

  @BeforeEach
  void open() {
    http = InvokeHttp.create(settings(server).build());
    images = new HttpImageGateway(http);
  }

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void readsARecordedImageDto() {
    ImageInfo image = ImageMapper.toImageInfo(Fixtures.json("image-dto.json"));
    assertThat(image).isEqualTo(ImageInfo.builder()
        .name(NAME)
        .boardId(BoardId.of("665fe72b-7ac6-4de2-8f6e-359ded141a14"))
        .category(ImageCategory.USER)
        .width(4)
        .height(3)
        .intermediate(false)
        .starred(false)
        .hasWorkflow(false)
        .origin("external")
        .createdAt(Instant.parse("2026-11-28T23:05:20.076Z"))
        .build());
    assertThat(image.sessionId()).isEmpty();
    assertThat(image.raw().path("image_subfolder").asText()).isEmpty();
  }

  @Test
  void uploadSendsMultipartWithQueryParameters() throws InterruptedException {
    server.enqueue(json(201, Fixtures.text("image-dto.json")));
    ImageInfo image = images.upload(PNG, "tiny.png", ImageCategory.USER,
        Optional.of(BoardId.of("665fe72b-7ac6-4de2-8f6e-359ded141a14")), false);
    assertThat(image.name()).isEqualTo(NAME);
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v1/images/upload");
    assertThat(recorded.getUrl().queryParameter("image_category")).isEqualTo("user");
    assertThat(recorded.getUrl().queryParameter("is_intermediate")).isEqualTo("false");
    assertThat(recorded.getUrl().queryParameter("board_id"))
        .isEqualTo("665fe72b-7ac6-4de2-8f6e-359ded141a14");
    assertThat(recorded.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
    assertThat(recorded.getBody().utf8()).contains("name=\"file\"", "filename=\"tiny.png\"",
        "Content-Type: image/png");
  }

  @Test
  void uploadToTheUncategorizedBoardSendsNoBoardId() throws InterruptedException {
    server.enqueue(json(201, Fixtures.text("image-dto.json")));
    images.upload(PNG, "x.bin", ImageCategory.GENERAL, Optional.of(BoardId.NONE), true);
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().queryParameter("board_id")).isNull();
    assertThat(recorded.getUrl().queryParameter("is_intermediate")).isEqualTo("true");
  }

  @Test
  void uploadIsNotRepeatedOn503() {
    server.enqueue(json(503, "{\"detail\":\"busy\"}"));
    assertThatThrownBy(() -> images.upload(PNG, "a.png", ImageCategory.USER, Optional.empty(), false))
        .isInstanceOf(InvokeHttpException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void lookupsOfAnUnknownImageAreEmpty() {
    server.enqueue(json(404, "{\"detail\":\"Not Found\"}"));
    server.enqueue(json(404, "{\"detail\":\"Not Found\"}"));
    server.enqueue(json(404, "{\"detail\":\"Not Found\"}"));
    assertThat(images.find(ImageName.of("nope.png"))).isEmpty();
    assertThat(images.metadata(ImageName.of("nope.png"))).isEmpty();
    assertThat(images.workflow(ImageName.of("nope.png"))).isEmpty();
  }

  @Test
  void metadataNullAndNoWorkflowAreEmpty() {
    server.enqueue(ok("null"));
    server.enqueue(ok("{\"workflow\":null,\"graph\":null}"));
    assertThat(images.metadata(NAME)).isEmpty();
    assertThat(images.workflow(NAME)).isEmpty();
  }

  @Test
  void workflowIsParsedFromTheStringTheServerSends() {
    server.enqueue(ok("{\"workflow\":\"{\\\"name\\\":\\\"wf\\\"}\",\"graph\":null}"));
    assertThat(images.workflow(NAME)).get()
        .satisfies(w -> assertThat(w.path("name").asText()).isEqualTo("wf"));
  }

  @Test
  void downloadReturnsTheBytes() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png")
        .body(new okio.Buffer().write(PNG)).build());
    assertThat(images.download(NAME)).isEqualTo(PNG);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/images/i/" + NAME.value() + "/full");
  }

  @Test
  void downloadOfAnUnknownImageIsA404() {
    server.enqueue(json(404, "{\"detail\":\"Image not found\"}"));
    assertThatThrownBy(() -> images.downloadThumbnail(ImageName.of("nope.png")))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void deleteOfAnUnknownImageIsFalse() {
    server.enqueue(json(404, "{\"detail\":\"Image not found\"}"));
    server.enqueue(ok("{\"deleted_images\":[\"" + NAME.value() + "\"],\"failed_images\":[],"
        + "\"affected_boards\":[\"none\"]}"));
    assertThat(images.delete(ImageName.of("nope.png"))).isFalse();
    assertThat(images.delete(NAME)).isTrue();
  }

  @Test
  void listAndStarSendNamesAndReadTheAnswer() throws InterruptedException {
    server.enqueue(ok("[" + Fixtures.text("image-dto.json") + "]"));
    server.enqueue(ok("{\"affected_boards\":[],\"starred_images\":[\"" + NAME.value()
        + "\"],\"failed_images\":[]}"));
    assertThat(images.list(List.of(NAME, ImageName.of("nope.png")))).extracting(ImageInfo::name)
        .containsExactly(NAME);
    assertThat(images.star(List.of(NAME), true)).containsExactly(NAME);
    RecordedRequest list = server.takeRequest();
    assertThat(list.getTarget()).isEqualTo("/api/v1/images/images_by_names");
    assertThat(Fixtures.parse(list.getBody().utf8())).isEqualTo(Fixtures.parse(
        "{\"image_names\":[\"" + NAME.value() + "\",\"nope.png\"]}"));
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/images/star");
    assertThat(images.star(List.of(), false)).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void sniffsTheContentTypeFromTheBytes() {
    assertThat(HttpImageGateway.mimeType(PNG, "x.jpg")).isEqualTo("image/png");
    assertThat(HttpImageGateway.mimeType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "x"))
        .isEqualTo("image/jpeg");
    assertThat(HttpImageGateway.mimeType(new byte[0], "photo.WEBP")).isEqualTo("image/webp");
  }

  @Test
  void listSendsTheQueryAndReadsTheRecordedPage() throws InterruptedException {
    server.enqueue(fixture("image-page.json"));

    ImagePage page = images.list(ImageQuery.builder()
        .board(BoardId.NONE).addCategories(ImageCategory.GENERAL, ImageCategory.USER)
        .intermediate(false).searchTerm("cat").offset(0).limit(1).newestFirst(false).build());

    assertThat(page.total()).isEqualTo(2);
    assertThat(page.limit()).isEqualTo(1);
    assertThat(page.hasMore()).isTrue();
    assertThat(page.items()).singleElement().satisfies(image -> {
      assertThat(image.name().value()).isEqualTo("60f2459e-4f95-4473-84fd-92197ef65ced.png");
      assertThat(image.width()).isEqualTo(4);
      assertThat(image.boardId()).isPresent();
    });
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v1/images/");
    assertThat(recorded.getUrl().queryParameter("board_id")).isEqualTo("none");
    assertThat(recorded.getUrl().queryParameterValues("categories")).containsExactly("general", "user");
    assertThat(recorded.getUrl().queryParameter("is_intermediate")).isEqualTo("false");
    assertThat(recorded.getUrl().queryParameter("search_term")).isEqualTo("cat");
    assertThat(recorded.getUrl().queryParameter("order_dir")).isEqualTo("ASC");
    assertThat(recorded.getUrl().queryParameter("limit")).isEqualTo("1");
    assertThat(recorded.getUrl().queryParameter("offset")).isEqualTo("0");
  }
}
