package io.invoke4j.adapter.http;

import static io.invoke4j.adapter.http.Fixtures.fixture;
import static io.invoke4j.adapter.http.Fixtures.json;
import static io.invoke4j.adapter.http.Fixtures.ok;
import static io.invoke4j.adapter.http.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpBoardGatewayTest {
  private static final BoardId ID = BoardId.of("665fe72b-7ac6-4de2-8f6e-359ded141a14");
  private static final ImageName IMAGE = ImageName.of("53bfac39-1312-44b3-b5e4-bf874bf57edb.png");

  @StartStop MockWebServer server = new MockWebServer();

  private InvokeHttp http;
  private HttpBoardGateway boards;

  @BeforeEach
  void open() {
    http = InvokeHttp.create(settings(server).build());
    boards = new HttpBoardGateway(http);
  }

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void readsARecordedBoard() {
    assertThat(ImageMapper.toBoard(Fixtures.json("board.json"))).isEqualTo(Board.builder()
        .id(ID)
        .name("ah-fixture-board")
        .imageCount(0)
        .assetCount(1)
        .archived(false)
        .coverImage(IMAGE)
        .createdAt(Instant.parse("2026-11-28T23:05:19.933Z"))
        .build());
  }

  @Test
  void listAsksForAllBoards() throws InterruptedException {
    server.enqueue(ok("[" + Fixtures.text("board.json") + "]"));
    assertThat(boards.list(true)).extracting(Board::id).containsExactly(ID);
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v1/boards/");
    assertThat(recorded.getUrl().queryParameter("all")).isEqualTo("true");
    assertThat(recorded.getUrl().queryParameter("include_archived")).isEqualTo("true");
  }

  @Test
  void findOfAnUnknownBoardOrNoneIsEmpty() {
    server.enqueue(json(404, "{\"detail\":\"Board not found\"}"));
    assertThat(boards.find(BoardId.of("nope"))).isEmpty();
    assertThat(boards.find(BoardId.NONE)).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createSendsTheNameAsAQueryParameter() throws InterruptedException {
    server.enqueue(json(201, Fixtures.text("board.json")));
    assertThat(boards.create("ah-fixture-board").id()).isEqualTo(ID);
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getUrl().queryParameter("board_name")).isEqualTo("ah-fixture-board");
    assertThat(recorded.getBodySize()).isZero();
  }

  @Test
  void renameAndArchivePatchTheBoard() throws InterruptedException {
    server.enqueue(json(201, Fixtures.text("board.json")));
    server.enqueue(json(201, Fixtures.text("board.json")));
    boards.rename(ID, "new name");
    boards.archive(ID, true);
    RecordedRequest rename = server.takeRequest();
    assertThat(rename.getMethod()).isEqualTo("PATCH");
    assertThat(rename.getTarget()).isEqualTo("/api/v1/boards/" + ID.value());
    assertThat(Fixtures.parse(rename.getBody().utf8()))
        .isEqualTo(Fixtures.parse("{\"board_name\":\"new name\"}"));
    assertThat(Fixtures.parse(server.takeRequest().getBody().utf8()))
        .isEqualTo(Fixtures.parse("{\"archived\":true}"));
  }

  @Test
  void renameOfAnUnknownBoardIsA404() {
    server.enqueue(json(404, "{\"detail\":\"Board not found\"}"));
    assertThatThrownBy(() -> boards.rename(BoardId.of("nope"), "x"))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void deleteReturnsTheDeletedImages() throws InterruptedException {
    server.enqueue(ok("{\"board_id\":\"" + ID.value() + "\",\"deleted_board_images\":[],"
        + "\"deleted_images\":[\"" + IMAGE.value() + "\"],\"deleted_board_videos\":[],"
        + "\"deleted_videos\":[],\"failed_images\":[],\"failed_videos\":[]}"));
    assertThat(boards.delete(ID, true)).containsExactly(IMAGE);
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("DELETE");
    assertThat(recorded.getUrl().queryParameter("include_images")).isEqualTo("true");
  }

  @Test
  void addAndRemoveImageSendJsonBodies() throws InterruptedException {
    server.enqueue(json(201, "{\"affected_boards\":[],\"added_images\":[],\"failed_images\":[]}"));
    server.enqueue(json(201, "{\"affected_boards\":[],\"removed_images\":[],\"failed_images\":[]}"));
    server.enqueue(ok("[\"" + IMAGE.value() + "\"]"));
    boards.addImage(ID, IMAGE);
    boards.removeImage(IMAGE);
    assertThat(boards.imageNames(BoardId.NONE)).containsExactly(IMAGE);
    RecordedRequest add = server.takeRequest();
    assertThat(add.getMethod()).isEqualTo("POST");
    assertThat(add.getTarget()).isEqualTo("/api/v1/board_images/");
    assertThat(Fixtures.parse(add.getBody().utf8())).isEqualTo(Fixtures.parse(
        "{\"board_id\":\"" + ID.value() + "\",\"image_name\":\"" + IMAGE.value() + "\"}"));
    RecordedRequest remove = server.takeRequest();
    assertThat(remove.getMethod()).isEqualTo("DELETE");
    assertThat(Fixtures.parse(remove.getBody().utf8()))
        .isEqualTo(Fixtures.parse("{\"image_name\":\"" + IMAGE.value() + "\"}"));
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/boards/none/image_names");
  }

  @Test
  void findReadsTheBoard() {
    server.enqueue(fixture("board.json"));
    assertThat(boards.find(ID)).isPresent();
  }
}
