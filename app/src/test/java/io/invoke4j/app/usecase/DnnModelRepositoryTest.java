package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.InstallStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
}
