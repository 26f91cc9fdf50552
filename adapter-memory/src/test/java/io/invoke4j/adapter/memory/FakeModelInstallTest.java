package io.invoke4j.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.event.ModelInstallEvent;
import io.invoke4j.domain.models.InstallStatus;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.ports.EventStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory installer downloads nothing: remote sources fail at once, with no progress, and
 * the failure is announced on the event stream.
 */
class FakeModelInstallTest {
  private final MemoryInvokeAI invoke = MemoryInvokeAI.create();

  @AfterEach
  void close() {
    invoke.close();
  }

  @Test
  void aUrlSourceFailsWithNothingDownloaded() {
    ModelInstallJob job = invoke.models().install("https://example.com/model.safetensors", false);

    assertThat(job.status()).isEqualTo(InstallStatus.ERROR);
    assertThat(job.bytes()).isZero();
    assertThat(job.totalBytes()).isZero();
    assertThat(job.error()).contains("the in-memory server cannot download models");
  }

  @Test
  void aHuggingFaceRepoIdFailsTheSameWay() {
    ModelInstallJob job = invoke.models().install("stabilityai/sdxl-turbo", false);

    assertThat(job.status()).isEqualTo(InstallStatus.ERROR);
    assertThat(job.bytes()).isZero();
  }

  @Test
  void aFailedJobIsAnnouncedWithAModelInstallErrorEvent() {
    List<InvokeEvent> seen = new CopyOnWriteArrayList<>();
    try (EventStream.Subscription subscription = invoke.events().subscribe(seen::add)) {
      ModelInstallJob job = invoke.models().install("stabilityai/sdxl-turbo", false);

      assertThat(seen).singleElement().isInstanceOfSatisfying(ModelInstallEvent.class, event -> {
        assertThat(event.name()).isEqualTo("model_install_error");
        assertThat(event.kind()).isEqualTo(ModelInstallEvent.Kind.ERROR);
        assertThat(event.jobId()).isEqualTo(job.id());
        assertThat(event.source()).isEqualTo("stabilityai/sdxl-turbo");
        assertThat(event.errorType()).contains("NotSupported");
        assertThat(event.error()).isEqualTo(job.error());
        assertThat(event.raw().path("id").asLong()).isEqualTo(job.id());
      });
    }
  }
}
