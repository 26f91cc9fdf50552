package io.invoke4j.adapter.http;

import static io.invoke4j.adapter.http.Fixtures.fixture;
import static io.invoke4j.adapter.http.Fixtures.ok;
import static io.invoke4j.adapter.http.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageQuery;
import io.invoke4j.domain.image.VideoInfo;
import io.invoke4j.domain.image.VideoName;
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

/** The video DTO is recorded from 6.14.2 (a 16×16 MP4 of 4 frames uploaded). */
class HttpVideoGatewayTest {
  @StartStop MockWebServer server = new MockWebServer();

  private InvokeHttp http;
  private HttpVideoGateway videos;

  @BeforeEach
  void open() {
    http = InvokeHttp.create(settings(server).build());
    videos = new HttpVideoGateway(http);
  }

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void uploadSendsAnMp4PartAndReadsTheRecordedVideo() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body(Fixtures.text("video-dto.json")).build());

    VideoInfo video = videos.upload(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}, "tiny.mp4", ImageCategory.GENERAL,
        Optional.of(BoardId.of("b1")), false);

    assertThat(video).isEqualTo(VideoInfo.builder()
        .name(VideoName.of("0a348f4b-fedd-475c-977f-6348a1dd3fc7.mp4"))
        .category(ImageCategory.GENERAL)
        .width(16).height(16).durationSeconds(1.0).fps(4.0)
        .intermediate(false).starred(false).hasWorkflow(false)
        .origin("external")
        .createdAt(Instant.parse("2026-11-28T23:56:23.251Z"))
        .build());
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v1/videos/upload");
    assertThat(recorded.getUrl().queryParameter("video_category")).isEqualTo("general");
    assertThat(recorded.getUrl().queryParameter("board_id")).isEqualTo("b1");
    assertThat(recorded.getBody().utf8()).contains("name=\"file\"", "filename=\"tiny.mp4\"", "video/mp4");
  }

  @Test
  void listStarDeleteAndBoardMoves() throws InterruptedException {
    server.enqueue(ok("{\"limit\":5,\"offset\":0,\"total\":1,\"items\":[" + Fixtures.text("video-dto.json") + "]}"));
    server.enqueue(ok("{\"affected_boards\":[\"none\"],\"starred_videos\":[\"v.mp4\"],\"failed_videos\":[]}"));
    server.enqueue(ok("{\"affected_boards\":[\"none\"],\"deleted_videos\":[\"v.mp4\"],\"failed_videos\":[]}"));
    server.enqueue(ok("{\"affected_boards\":[\"none\",\"b1\"],\"added_videos\":[\"v.mp4\"]}"));
    server.enqueue(ok("{\"affected_boards\":[\"none\",\"b1\"],\"removed_videos\":[\"v.mp4\"]}"));
    VideoName v = VideoName.of("v.mp4");

    assertThat(videos.list(ImageQuery.builder().board(BoardId.NONE).limit(5).build()).total()).isEqualTo(1);
    assertThat(videos.star(List.of(v), true)).containsExactly(v);
    assertThat(videos.delete(List.of(v))).containsExactly(v);
    videos.moveToBoard(v, BoardId.of("b1"));
    videos.moveToBoard(v, BoardId.NONE);

    RecordedRequest list = server.takeRequest();
    assertThat(list.getUrl().encodedPath()).isEqualTo("/api/v1/videos/");
    assertThat(list.getUrl().queryParameter("board_id")).isEqualTo("none");
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"video_names\":[\"v.mp4\"]}");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/videos/delete");
    RecordedRequest add = server.takeRequest();
    assertThat(add.getMethod()).isEqualTo("POST");
    assertThat(Fixtures.parse(add.getBody().utf8())).isEqualTo(Fixtures.parse(
        "{\"video_name\":\"v.mp4\",\"board_id\":\"b1\"}"));
    RecordedRequest remove = server.takeRequest();
    assertThat(remove.getMethod()).isEqualTo("DELETE");
    assertThat(remove.getTarget()).isEqualTo("/api/v1/videos/board");
  }

  @Test
  void findOfAnUnknownVideoIsEmpty() {
    server.enqueue(Fixtures.json(404, "{\"detail\":\"Video not found\"}"));
    assertThat(videos.find(VideoName.of("nope.mp4"))).isEmpty();
    server.enqueue(fixture("video-dto.json"));
    assertThat(videos.find(VideoName.of("x.mp4"))).isPresent();
  }
}
