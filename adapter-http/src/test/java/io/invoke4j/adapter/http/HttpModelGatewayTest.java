package io.invoke4j.adapter.http;

import static io.invoke4j.adapter.http.Fixtures.fixture;
import static io.invoke4j.adapter.http.Fixtures.json;
import static io.invoke4j.adapter.http.Fixtures.ok;
import static io.invoke4j.adapter.http.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model list is hand-written: the recording server had no models installed. */
class HttpModelGatewayTest {
  @StartStop MockWebServer server = new MockWebServer();

  private InvokeHttp http;
  private HttpModelGateway models;

  @BeforeEach
  void open() {
    http = InvokeHttp.create(settings(server).build());
    models = new HttpModelGateway(http);
  }

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void listReadsModelConfigsAndSendsTheFilters() throws InterruptedException {
    server.enqueue(fixture("model-list.json"));
    assertThat(models.list(Optional.of("sdxl"), Optional.of("main"))).containsExactly(
        ModelRecord.builder()
            .key(ModelKey.of("5d1a3c2e-8f0b-4e55-9c1a-2b7e4f6d8a90"))
            .hash("blake3:1f0e9ad5c1d3a6b2e8c4f7a9b0d2e4f6a8c0e2f4a6b8d0f2e4a6c8e0a2c4e6f8")
            .name("Juggernaut XL v9")
            .base("sdxl")
            .type("main")
            .format("checkpoint")
            .description("Juggernaut XL v9 (SDXL checkpoint)")
            .build(),
        ModelRecord.builder()
            .key(ModelKey.of("a0b1c2d3-e4f5-4677-8899-aabbccddeeff"))
            .hash("blake3:9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d")
            .name("sdxl-vae-fp16-fix")
            .base("sdxl")
            .type("vae")
            .format("diffusers")
            .build());
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v2/models/");
    assertThat(recorded.getUrl().queryParameter("base_models")).isEqualTo("sdxl");
    assertThat(recorded.getUrl().queryParameter("model_type")).isEqualTo("main");
  }

  @Test
  void listOfAServerWithoutModelsIsEmpty() throws InterruptedException {
    server.enqueue(ok("{\"models\":[]}")); // as InvokeAI 6.14.2 answers without models
    assertThat(models.list(Optional.empty(), Optional.empty())).isEmpty();
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v2/models/");
  }

  @Test
  void findOfAnUnknownKeyIsEmpty() throws InterruptedException {
    server.enqueue(json(404, "{\"detail\":\"model not found\"}"));
    assertThat(models.find(ModelKey.of("nope"))).isEmpty();
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v2/models/i/nope");
  }
}
