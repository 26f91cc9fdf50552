package io.invoke4j.e2e.cli;

import io.invoke4j.e2e.ScriptedServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journaled {@code invoke4j sweep} while the server restarts ({@code scripts/invokeai-server
 * restart}): every combination ends with its image on disk, and the batch's items on the server.
 * InvokeAI cancels the items in progress when it starts; the CLI re-enqueues those once (same batch).
 * Should the first process give up (non-zero exit), the same command with the same journal is run
 * again, as a person would.
 *
 * <p>The items are slow and model-less: a blank 8192x8192 image blurred with radius 100 (several
 * seconds on a CPU), resized to a small width that differs per combination. As {@code
 * ServerRestartIT}, the test restarts only a server the script started for {@code INVOKEAI_URL} (the
 * {@code URL=} line of {@code ${INVOKE4J_SERVER_HOME:-~/.cache/invoke4j}/state/single.env}); for any
 * other server it fails with CI=true and is skipped otherwise.
 */
class CliServerRestartIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<Integer> WIDTHS = List.of(61, 62, 63);
  private static final long MINUTES = 10;

  @TempDir Path dir;

  private InvokeAIClient client;
  private BatchId batch;

  @AfterEach
  void cleanUp() {
    if (client == null) {
      return;
    }
    try {
      if (batch != null) {
        List<ImageName> images = new ArrayList<>();
        for (QueueItemId id : client.queue().itemIdsOf(batch)) {
          client.queue().find(id).ifPresent(item -> OutputMapper.map(item).forEach(o -> images.addAll(o.imageNames())));
          client.queue().delete(id);
        }
        if (!images.isEmpty()) {
          client.images().delete(images);
        }
      }
    } finally {
      client.close();
    }
  }

  @Test
  void everyCombinationEndsWithItsImageAfterAServerRestartMidSweep() throws Exception {
    String url = System.getenv().getOrDefault("INVOKEAI_URL", "http://127.0.0.1:9090");
    ScriptedServer server = ScriptedServer.requireFor(url, "CliServerRestartIT");
    client = InvokeAIClient.fromUrl(url);
    Path out = dir.resolve("out");
    Path journal = dir.resolve("run.jsonl");
    String[] args = {"sweep", ROOT.resolve("examples").resolve("blank-blur-save.json").toString(),
        "--set", "0=8192", "--set", "1=8192", "--set", "3=100", "--set", "5=40",
        "--vary", "4=" + String.join(",", WIDTHS.stream().map(String::valueOf).toList()),
        "--out", out.toString(), "--journal", journal.toString(), "--progress", "lines"};

    Process first = start(url, dir.resolve("first.log"), args);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (batch == null && System.nanoTime() < deadline && first.isAlive()) {
      batch = enqueuedBatch(journal).orElse(null);
      Thread.sleep(50);
    }
    assertThat(batch).as("the sweep enqueued no batch: %s", log(dir.resolve("first.log"))).isNotNull();
    while (System.nanoTime() < deadline && first.isAlive() && statuses().values().stream()
        .noneMatch(s -> s == QueueItemStatus.IN_PROGRESS)) {
      Thread.sleep(50);
    }
    Map<Long, QueueItemStatus> before = statuses();
    assertThat(before).as("no item of the batch is in progress: make the items slower")
        .containsValue(QueueItemStatus.IN_PROGRESS);

    long start = System.nanoTime();
    server.restart();
    long restartMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(first.waitFor(MINUTES, TimeUnit.MINUTES)).as("the first sweep did not end").isTrue();
    int firstExit = first.exitValue();
    int secondExit = -1;
    if (firstExit != 0) {
      Process second = start(url, dir.resolve("second.log"), args);
      assertThat(second.waitFor(MINUTES, TimeUnit.MINUTES)).as("the re-run did not end").isTrue();
      secondExit = second.exitValue();
      assertThat(secondExit).as(log(dir.resolve("second.log"))).isZero();
      assertThat(log(dir.resolve("second.log"))).contains("resuming batch " + batch.value());
    }

    // every combination has its image, and only one, on disk
    List<Integer> widths = new ArrayList<>();
    for (Path png : files(out, ".png")) {
      BufferedImage image = ImageIO.read(png.toFile());
      widths.add(image.getWidth());
      assertThat(image.getHeight()).isEqualTo(40);
      assertThat(png.resolveSibling(png.getFileName() + ".json")).exists();
    }
    assertThat(widths).as(log(dir.resolve("first.log"))).containsExactlyInAnyOrderElementsOf(WIDTHS);

    // the batch on the server: one completed item per combination, plus the items the restart canceled
    List<JsonNode> records = Files.readAllLines(journal, StandardCharsets.UTF_8).stream().map(CliServerRestartIT::parse)
        .toList();
    long retried = records.stream().filter(r -> r.path("type").asText().equals("retried")).count();
    long enqueued = records.stream().filter(r -> r.path("type").asText().equals("enqueued")).count();
    Map<Long, QueueItemStatus> after = statuses();
    assertThat(enqueued).isEqualTo(1);
    assertThat(after.values().stream().filter(s -> s == QueueItemStatus.COMPLETED)).hasSize(WIDTHS.size());
    assertThat(after).hasSize(WIDTHS.size() + (int) retried);
    assertThat(after.values()).allMatch(s -> s == QueueItemStatus.COMPLETED || s == QueueItemStatus.CANCELED);
    System.out.printf("cli restart: server back after %d ms; before %s; first exit %d, re-run exit %s; "
            + "retried %d; batch %s items %s; widths on disk %s%n", restartMs, before, firstExit,
        secondExit < 0 ? "(not needed)" : String.valueOf(secondExit), retried, batch.value(), after, widths);
  }

  // ------------------------------------------------------------------ helpers

  private Map<Long, QueueItemStatus> statuses() {
    Map<Long, QueueItemStatus> statuses = new TreeMap<>();
    for (QueueItem item : client.queue().list(client.queue().itemIdsOf(batch))) {
      statuses.put(item.itemId().value(), item.status());
    }
    return statuses;
  }

  private static Optional<BatchId> enqueuedBatch(Path journal) throws IOException {
    if (!Files.isRegularFile(journal)) {
      return Optional.empty();
    }
    // a record being written may be incomplete: only whole lines count
    String text = Files.readString(journal, StandardCharsets.UTF_8);
    return text.lines().limit(text.endsWith("\n") ? Long.MAX_VALUE : Math.max(0, text.lines().count() - 1))
        .map(CliServerRestartIT::parse).filter(r -> r.path("type").asText().equals("enqueued"))
        .map(r -> BatchId.of(r.path("batchId").asText())).findFirst();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String log(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private Process start(String serverUrl, Path log, String... args) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(ROOT.resolve("app/target"))) {
      jar = files.filter(f -> f.getFileName().toString().matches("invoke4j-app-.*-cli\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("build the CLI jar first: mvn -pl app -am package"));
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("INVOKEAI_URL", serverUrl);
    return builder.start();
  }
}
