package io.invoke4j.e2e.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.DnnModelRepository;
import io.invoke4j.app.usecase.ModelInstallJobHandle;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.InstallStatus;
import io.invoke4j.domain.models.ModelInstallJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code client.dnnModelRepo()} on the real model-less single-user server (which runs on this
 * machine, so a path made here is a path there). Pruning install jobs forgets the server's finished
 * jobs: a log, harmless to share.
 */
class ModelRepositoryIT {
  private final InvokeAIClient client = Servers.singleUser();
  private final DnnModelRepository repo = client.dnnModelRepo();

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void installOfALocalFileThatIsNotAModelFailsWithTheServersReason() throws IOException {
    Path file = Files.createTempFile("invoke4j-e2e-not-a-model", ".txt");
    try {
      Files.writeString(file, "not a model");

      ModelInstallJobHandle job = repo.installModel(file.toString(), true);
      ModelInstallJob done = job.waitUntilDone(Duration.ofSeconds(30));

      assertThat(done.status()).isEqualTo(InstallStatus.ERROR);
      assertThat(job.isDone()).isTrue();
      assertThatThrownBy(job::raiseIfFailed)
          .isInstanceOfSatisfying(ModelInstallJobHandle.ModelInstallException.class,
              e -> assertThat(e.job().error()).hasValueSatisfying(m -> assertThat(m).contains(".txt")))
          .hasMessageContaining("ValueError")
          .hasMessageContaining("is not a recognized model format");
      assertThat(repo.listInstallJobs()).extracting(ModelInstallJob::id).contains(job.id());
      assertThat(repo.getInstallJob(job.id())).isPresent();

      repo.pruneInstallJobs();

      assertThat(repo.listInstallJobs()).extracting(ModelInstallJob::id).doesNotContain(job.id());
      assertThat(repo.getInstallJob(job.id())).isEmpty();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void installOfAMissingPathIsRefused() {
    assertThatThrownBy(() -> repo.installModel("/invoke4j/no/such/model.safetensors"))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void hfLoginStatusStatsAndAnEmptyModelList() {
    assertThat(repo.getHfLoginStatus()).isIn(HfTokenStatus.INVALID, HfTokenStatus.UNKNOWN);
    assertThat(repo.listModels()).isEmpty();
    assertThat(repo.listModels("sdxl", "main")).isEmpty();
    assertThat(repo.getModelByName("invoke4j-no-such-model")).isEmpty();
    repo.emptyModelCache();
    assertThat(repo.getStats()).hasValueSatisfying(stats -> assertThat(stats.inCache()).isZero());
  }

  @Test
  void scanFolderFindsAModelFile() throws IOException {
    Path dir = Files.createTempDirectory("invoke4j-e2e-scan");
    Path model = Files.createFile(dir.resolve("m.safetensors"));
    try {
      assertThat(repo.scanFolder(dir.toString())).singleElement().satisfies(found -> {
        assertThat(found.path()).isEqualTo(model.toString());
        assertThat(found.installed()).isFalse();
      });
    } finally {
      Files.delete(model);
      Files.delete(dir);
    }
  }

  @Test
  void quickTextToImageSaysWhatAModelLessServerLacks() {
    assertThatThrownBy(() -> client.quick().textToImage("a lighthouse", Duration.ofSeconds(30)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SD 1.5 main model");
  }
}
