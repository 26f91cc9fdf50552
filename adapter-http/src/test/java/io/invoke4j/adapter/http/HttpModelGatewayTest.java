package io.invoke4j.adapter.http;

import static io.invoke4j.adapter.http.Fixtures.fixture;
import static io.invoke4j.adapter.http.Fixtures.json;
import static io.invoke4j.adapter.http.Fixtures.ok;
import static io.invoke4j.adapter.http.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.models.FoundModel;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.InstallStatus;
import io.invoke4j.domain.models.ModelCacheStats;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model list, the downloading and the completed install job are hand-written: the recording
 * server had no models and no network. The failed local install and the cache stats are recorded.
 */
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

  @Test
  void installSendsTheSourceWithAnEmptyBodyAndReadsTheFailedJob() throws InterruptedException {
    server.enqueue(Fixtures.json(201, Fixtures.text("model-install-job-error.json")));

    ModelInstallJob job = models.install("/tmp/i7/not-a-model.txt", true);

    assertThat(job.id()).isEqualTo(1);
    assertThat(job.status()).isEqualTo(InstallStatus.ERROR);
    assertThat(job.source()).isEqualTo("/tmp/i7/not-a-model.txt");
    assertThat(job.sourceType()).isEqualTo("local");
    assertThat(job.localPath()).contains("/tmp/i7/not-a-model.txt");
    assertThat(job.errorReason()).contains("ValueError");
    assertThat(job.error()).contains("File extension .txt is not a recognized model format. Expected one of:"
        + " .bin, .ckpt, .gguf, .onnx, .pt, .pth, .safetensors");
    assertThat(job.errorTraceback()).hasValueSatisfying(t -> assertThat(t).startsWith("Traceback"));
    assertThat(job.installed()).isEmpty();
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v2/models/install");
    assertThat(recorded.getUrl().queryParameter("source")).isEqualTo("/tmp/i7/not-a-model.txt");
    assertThat(recorded.getUrl().queryParameter("inplace")).isEqualTo("true");
    assertThat(recorded.getBody().utf8()).isEqualTo("{}");
  }

  @Test
  void installIsNotRepeatedAfterA503() {
    server.enqueue(Fixtures.json(503, "{\"detail\":\"busy\"}"));

    assertThatThrownBy(() -> models.install("owner/name", false))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void readsADownloadInProgressAndItsProgress() throws InterruptedException {
    server.enqueue(fixture("model-install-job-downloading.json"));

    ModelInstallJob job = models.findInstallJob(3).orElseThrow();

    assertThat(job.status()).isEqualTo(InstallStatus.DOWNLOADING);
    assertThat(job.isTerminal()).isFalse();
    assertThat(job.source()).isEqualTo("stabilityai/sdxl-vae:fp16");
    assertThat(job.sourceType()).isEqualTo("hf");
    assertThat(job.bytes()).isEqualTo(83886080L);
    assertThat(job.totalBytes()).isEqualTo(334643268L);
    assertThat(job.progress()).isBetween(0.25, 0.26);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v2/models/install/3");
  }

  @Test
  void readsTheInstalledModelOfACompletedJob() {
    server.enqueue(ok("[" + Fixtures.text("model-install-job-completed.json") + "]"));

    List<ModelInstallJob> jobs = models.installJobs();

    assertThat(jobs).singleElement().satisfies(job -> {
      assertThat(job.status()).isEqualTo(InstallStatus.COMPLETED);
      assertThat(job.progress()).isEqualTo(1.0);
      assertThat(job.installed()).hasValueSatisfying(model -> {
        assertThat(model.key()).isEqualTo(ModelKey.of("0f2a7c44-2d1b-4a3e-9e51-6c8d9b0a1f23"));
        assertThat(model.base()).isEqualTo("sdxl");
        assertThat(model.type()).isEqualTo("vae");
      });
    });
  }

  @Test
  void readsAnUnknownStatusAndTheAmericanSpellingTolerantly() {
    server.enqueue(ok("[{\"id\":1,\"status\":\"queued_somewhere\",\"source\":\"x/y\"},"
        + "{\"id\":2,\"status\":\"canceled\",\"source\":{\"type\":\"url\",\"url\":\"https://h/m.safetensors\"}}]"));

    List<ModelInstallJob> jobs = models.installJobs();

    assertThat(jobs).extracting(ModelInstallJob::status).containsExactly(InstallStatus.UNKNOWN, InstallStatus.CANCELLED);
    assertThat(jobs.get(0).statusText()).isEqualTo("queued_somewhere");
    assertThat(jobs.get(1).source()).isEqualTo("https://h/m.safetensors");
  }

  @Test
  void findOfAnUnknownInstallJobIsEmpty() {
    server.enqueue(json(404, "{\"detail\":\"No job with id 9 known\"}"));
    assertThat(models.findInstallJob(9)).isEmpty();
  }

  @Test
  void cancelAndPruneUseDelete() throws InterruptedException {
    server.enqueue(json(201, "null"));
    server.enqueue(new MockResponse.Builder().code(204).build());

    models.cancelInstallJob(3);
    models.pruneInstallJobs();

    RecordedRequest cancel = server.takeRequest();
    assertThat(cancel.getMethod()).isEqualTo("DELETE");
    assertThat(cancel.getTarget()).isEqualTo("/api/v2/models/install/3");
    RecordedRequest prune = server.takeRequest();
    assertThat(prune.getMethod()).isEqualTo("DELETE");
    assertThat(prune.getTarget()).isEqualTo("/api/v2/models/install");
    // 6.14.2 answers a gzip-accepting 204 route with a 500 (its gzip middleware fails on the empty body)
    assertThat(prune.getHeaders().get("Accept-Encoding")).isEqualTo("identity");
  }

  @Test
  void convertUsesPutAndReadsTheNewConfig() throws InterruptedException {
    server.enqueue(ok(Fixtures.json("model-install-job-completed.json").get("config_out").toString()));

    assertThat(models.convert(ModelKey.of("k1")).format()).contains("diffusers");
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("PUT");
    assertThat(recorded.getTarget()).isEqualTo("/api/v2/models/convert/k1");
  }

  @Test
  void deleteUsesDeleteOnTheKey() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(204).build());

    models.delete(ModelKey.of("k 1"));

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("DELETE");
    assertThat(recorded.getTarget()).isEqualTo("/api/v2/models/i/k%201");
    assertThat(recorded.getHeaders().get("Accept-Encoding")).isEqualTo("identity");
  }

  @Test
  void scanFolderReadsFoundModels() throws InterruptedException {
    server.enqueue(ok("[{\"path\":\"/tmp/scanme/x.safetensors\",\"is_installed\":false}]"));

    assertThat(models.scanFolder("/tmp/scanme"))
        .containsExactly(FoundModel.builder().path("/tmp/scanme/x.safetensors").installed(false).build());
    assertThat(server.takeRequest().getUrl().queryParameter("scan_path")).isEqualTo("/tmp/scanme");
  }

  @Test
  void readsCacheStatsAndTheirAbsence() {
    server.enqueue(fixture("model-cache-stats.json"));
    server.enqueue(ok("null"));

    assertThat(models.cacheStats()).contains(ModelCacheStats.builder().hits(0).misses(0).highWatermark(0)
        .inCache(0).cleared(0).cacheSize(10490546176L).loadedModelSizes(Map.of()).build());
    assertThat(models.cacheStats()).isEmpty();
  }

  @Test
  void hfLoginSendsTheTokenAndReadsTheBareStatusString() throws InterruptedException {
    server.enqueue(ok("\"invalid\""));
    server.enqueue(ok("\"valid\""));
    server.enqueue(ok("\"unknown\""));

    assertThat(models.hfTokenStatus()).isEqualTo(HfTokenStatus.INVALID);
    assertThat(models.hfLogin("hf_secret")).isEqualTo(HfTokenStatus.VALID);
    assertThat(models.hfLogout()).isEqualTo(HfTokenStatus.UNKNOWN);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v2/models/hf_login");
    RecordedRequest login = server.takeRequest();
    assertThat(login.getMethod()).isEqualTo("POST");
    assertThat(Fixtures.parse(login.getBody().utf8())).isEqualTo(Fixtures.parse("{\"token\":\"hf_secret\"}"));
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
  }
}
