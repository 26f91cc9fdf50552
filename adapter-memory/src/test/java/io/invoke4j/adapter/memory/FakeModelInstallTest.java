package io.invoke4j.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.domain.models.InstallStatus;
import io.invoke4j.domain.models.ModelInstallJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory installer downloads nothing: remote sources fail at once, with no progress. */
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
}
