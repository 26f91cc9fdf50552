package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.event.ModelInstallEvent;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.InstallStatus;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.ports.ModelGateway;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnnModelRepositoryTest {
  private final InvokeAIClient client = InvokeAIClient.inMemory();
  private final DnnModelRepository repo = client.dnnModelRepo();

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void failedInstallIsRaisedWithTheServersReason(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a model");

    ModelInstallJobHandle job = repo.installModel(file.toString());

    assertThat(job.waitUntilDone(Duration.ofSeconds(5)).status()).isEqualTo(InstallStatus.ERROR);
    assertThat(job.isDone()).isTrue();
    assertThatThrownBy(job::raiseIfFailed)
        .isInstanceOf(ModelInstallJobHandle.ModelInstallException.class)
        .hasMessageContaining("ValueError")
        .hasMessageContaining("not a recognized model format");
    assertThat(repo.listInstallJobs()).extracting(j -> j.id()).contains(job.id());
    assertThat(repo.getInstallJob(job.id())).isPresent();

    repo.pruneInstallJobs();

    assertThat(repo.listInstallJobs()).isEmpty();
    assertThatThrownBy(job::refresh).hasMessageContaining("no longer exists");
  }

  @Test
  void hfLoginChangesTheStatus() {
    assertThat(repo.getHfLoginStatus()).isEqualTo(HfTokenStatus.INVALID);
    assertThat(repo.hfLogin("hf_abc")).isEqualTo(HfTokenStatus.VALID);
    assertThat(repo.hfLogout()).isEqualTo(HfTokenStatus.INVALID);
  }

  @Test
  void modelLessServerListsNothing() {
    assertThat(repo.listModels()).isEmpty();
    assertThat(repo.listModels("sdxl", "main")).isEmpty();
    assertThat(repo.getStats()).isPresent();
  }

  @Test
  void waitUntilDoneEndsOnTheJobsInstallEventNotOnThePollInterval() throws Exception {
    // a recorded running job; the gateway answers "complete" once the event has been sent
    ModelInstallJob running = ModelInstallJob.builder().id(7).status(InstallStatus.RUNNING).statusText("running")
        .source("org/model").sourceType("hf").bytes(0).totalBytes(100).build();
    AtomicReference<ModelInstallJob> onServer = new AtomicReference<>(running);
    AtomicInteger reads = new AtomicInteger();
    ModelGateway models = (ModelGateway) Proxy.newProxyInstance(ModelGateway.class.getClassLoader(),
        new Class<?>[] {ModelGateway.class}, (proxy, method, args) -> {
          if (method.getName().equals("findInstallJob")) {
            reads.incrementAndGet();
            return Optional.of(onServer.get());
          }
          if (method.getName().equals("install")) {
            return running;
          }
          throw new UnsupportedOperationException(method.getName());
        });
    FakeEventStream events = new FakeEventStream(true);
    ModelInstallJobHandle job = new DnnModelRepository(models, events).installModel("org/model");
    CompletableFuture<ModelInstallJob> done = CompletableFuture.supplyAsync(() -> job.waitUntilDone(Duration.ofSeconds(30)));
    events.awaitSubscriber();
    // let the poll interval grow past 1 s, so that a poll cannot be what ends the wait below
    Thread.sleep(1_000);

    onServer.set(ModelInstallJob.builder().from(running).status(InstallStatus.COMPLETED).statusText("completed").build());
    long sent = System.nanoTime();
    events.emit(ModelInstallEvent.builder().name("model_install_download_progress").raw(JsonNodeFactory.instance.objectNode())
        .kind(ModelInstallEvent.Kind.DOWNLOAD_PROGRESS).jobId(8).source("other/model").build());
    events.emit(ModelInstallEvent.builder().name("model_install_complete").raw(JsonNodeFactory.instance.objectNode())
        .kind(ModelInstallEvent.Kind.COMPLETE).jobId(7).source("org/model").build());

    assertThat(done.get(5, TimeUnit.SECONDS).status()).isEqualTo(InstallStatus.COMPLETED);
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofMillis(500));
    assertThat(reads.get()).isBetween(2, 6);
  }
}
