package io.invoke4j.adapter.http;

import static io.invoke4j.adapter.http.Fixtures.fixture;
import static io.invoke4j.adapter.http.Fixtures.json;
import static io.invoke4j.adapter.http.Fixtures.ok;
import static io.invoke4j.adapter.http.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowRecord;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpWorkflowLibraryTest {
  private static final WorkflowId ID = WorkflowId.of("53a131c6-a4d1-44fa-9bf5-57b86db92b67");

  @StartStop MockWebServer server = new MockWebServer();

  private InvokeHttp http;
  private HttpWorkflowLibrary library;

  @BeforeEach
  void open() {
    http = InvokeHttp.create(settings(server).build());
    library = new HttpWorkflowLibrary(http);
  }

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void listReadsItemsWithoutDocumentsAndSendsRepeatedCategories() throws InterruptedException {
    server.enqueue(fixture("workflow-list.json"));
    assertThat(library.list(List.of("user", "default"))).containsExactly(WorkflowRecord.builder()
        .id(ID)
        .name("ah-fixture-wf")
        .category("user")
        .description("fixture")
        .createdAt(Instant.parse("2026-11-28T23:05:33.713Z"))
        .updatedAt(Instant.parse("2026-11-28T23:05:33.713Z"))
        .build());
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v1/workflows/");
    assertThat(recorded.getUrl().queryParameterValues("categories")).containsExactly("user", "default");
  }

  @Test
  void findReadsTheDocumentAndTakesCategoryFromItsMeta() {
    server.enqueue(fixture("workflow-record-by-id.json"));
    WorkflowRecord record = library.find(ID).orElseThrow();
    assertThat(record.category()).isEqualTo("user");
    assertThat(record.description()).contains("fixture");
    assertThat(record.workflow()).get()
        .satisfies(w -> assertThat(w.path("id").asText()).isEqualTo(ID.value()));
  }

  @Test
  void findOfAnUnknownIdIsEmpty() {
    server.enqueue(json(404, "{\"detail\":\"Workflow not found\"}"));
    assertThat(library.find(WorkflowId.of("nope"))).isEmpty();
  }

  @Test
  void createWrapsTheDocumentWithoutId() throws InterruptedException {
    server.enqueue(fixture("workflow-record.json"));
    JsonNode recorded = Fixtures.json("workflow-record.json");
    ObjectNode document = recorded.path("workflow").deepCopy();
    WorkflowRecord record = library.create(document);
    assertThat(record.id()).isEqualTo(ID);
    assertThat(record.name()).isEqualTo("ah-fixture-wf");
    assertThat(document.has("id")).isTrue(); // the caller's document is not changed
    JsonNode sent = Fixtures.parse(server.takeRequest().getBody().utf8());
    ObjectNode expected = document.deepCopy();
    expected.remove("id");
    assertThat(sent.path("workflow")).isEqualTo(expected);
  }

  @Test
  void updateSendsTheIdInsideTheDocument() throws InterruptedException {
    server.enqueue(fixture("workflow-record.json"));
    ObjectNode document = Fixtures.json("workflow-record.json").path("workflow").deepCopy();
    document.remove("id");
    library.update(ID, document);
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("PATCH");
    assertThat(recorded.getTarget()).isEqualTo("/api/v1/workflows/i/" + ID.value());
    assertThat(Fixtures.parse(recorded.getBody().utf8()).path("workflow").path("id").asText())
        .isEqualTo(ID.value());
  }

  @Test
  void deleteOfAnUnknownIdIsA404() {
    server.enqueue(ok("null"));
    server.enqueue(json(404, "{\"detail\":\"Workflow not found\"}"));
    library.delete(ID);
    assertThatThrownBy(() -> library.delete(ID))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
  }
}
