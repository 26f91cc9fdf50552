package io.invoke4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.models.FoundModel;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.InstallStatus;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.domain.models.ModelKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ModelGateway} shares with InvokeAI 6.14's model manager, on a server
 * <em>without models</em> (the test server and a fresh in-memory adapter). Paths given to the
 * server are created on this machine: the server must run on it (as the test server does).
 *
 * <p>Pruning install jobs forgets every finished job of the server, not only this test's: harmless,
 * jobs are a log.
 */
public abstract class ModelGatewayContract {
  /** The models under test; the server must have none installed. */
  protected abstract ModelGateway models();

  /** Called after each test: close what the subclass opened. */
  protected void afterContract() {}

  @AfterEach
  final void close() {
    afterContract();
  }

  @Test
  public void modelLessServerListsNoModels() {
    assertThat(models().list(Optional.empty(), Optional.empty())).isEmpty();
  }

  @Test
  public void filteredListOfAModelLessServerIsEmpty() {
    assertThat(models().list(Optional.of("sdxl"), Optional.of("main"))).isEmpty();
  }

  @Test
  public void findOfAnUnknownKeyIsEmpty() {
    assertThat(models().find(ModelKey.of("invoke4j-no-such-model"))).isEmpty();
  }

  @Test
  public void installOfALocalFileThatIsNotAModelFailsWithTheServersReason() throws IOException, InterruptedException {
    Path file = Files.createTempFile("invoke4j-not-a-model", ".txt");
    try {
      Files.writeString(file, "hello");

      ModelInstallJob started = models().install(file.toString(), true);
      // a local install runs at once, but the answer may still say "running" (6.14.2)
      ModelInstallJob job = started;
      for (int i = 0; i < 100 && !job.isTerminal(); i++) {
        Thread.sleep(100);
        job = models().findInstallJob(started.id()).orElseThrow();
      }

      assertThat(job.status()).isEqualTo(InstallStatus.ERROR);
      assertThat(job.statusText()).isEqualTo("error");
      assertThat(job.errorReason()).contains("ValueError");
      assertThat(job.error()).hasValueSatisfying(e -> assertThat(e).contains("not a recognized model format"));
      assertThat(job.source()).isEqualTo(file.toString());
      assertThat(job.sourceType()).isEqualTo("local");
      assertThat(job.installed()).isEmpty();
      long id = job.id();
      assertThat(models().installJobs()).extracting(ModelInstallJob::id).contains(id);
      assertThat(models().list(Optional.empty(), Optional.empty())).isEmpty();

      models().pruneInstallJobs();

      assertThat(models().findInstallJob(id)).isEmpty();
      assertThat(models().installJobs()).extracting(ModelInstallJob::id).doesNotContain(id);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  public void installOfAPathThatDoesNotExistIsAConflict() {
    assertThatThrownBy(() -> models().install("/invoke4j/no/such/model.safetensors", false))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  public void findOfAnUnknownInstallJobIsEmpty() {
    assertThat(models().findInstallJob(987_654)).isEmpty();
  }

  @Test
  public void cancelOfAnUnknownInstallJobIs415() {
    assertThatThrownBy(() -> models().cancelInstallJob(987_654))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(415));
  }

  @Test
  public void deleteOfAnUnknownModelIs404() {
    assertThatThrownBy(() -> models().delete(ModelKey.of("invoke4j-no-such-model")))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  public void convertOfAnUnknownModelIs424() {
    assertThatThrownBy(() -> models().convert(ModelKey.of("invoke4j-no-such-model")))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(424));
  }

  @Test
  public void scanFolderFindsModelFilesOnly() throws IOException {
    Path dir = Files.createTempDirectory("invoke4j-scan");
    Path model = Files.createFile(dir.resolve("a.safetensors"));
    Path text = Files.createFile(dir.resolve("b.txt"));
    Path plainDir = Files.createDirectory(dir.resolve("sub"));
    try {
      assertThat(models().scanFolder(dir.toString()))
          .containsExactly(FoundModel.builder().path(model.toString()).installed(false).build());
    } finally {
      Files.delete(plainDir);
      Files.delete(text);
      Files.delete(model);
      Files.delete(dir);
    }
  }

  @Test
  public void scanOfAMissingFolderIs400() {
    assertThatThrownBy(() -> models().scanFolder("/invoke4j/no/such/folder"))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  public void modelLessServerHasAnEmptyCache() {
    models().emptyModelCache();

    assertThat(models().cacheStats()).hasValueSatisfying(stats -> {
      assertThat(stats.inCache()).isZero();
      assertThat(stats.loadedModelSizes()).isEmpty();
    });
  }

  @Test
  public void serverWithoutATokenReportsIt() {
    assertThat(models().hfTokenStatus()).isIn(HfTokenStatus.INVALID, HfTokenStatus.UNKNOWN);
  }
}
