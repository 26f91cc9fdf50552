package io.invoke4j.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItemId;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code invoke4j} CLI jar, run as a separate process against the real server: run, sweep (one
 * batch), the JSON output, and a journaled sweep killed with SIGKILL and run again.
 */
class CliRunSweepIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static String url;
  private static InvokeAIClient client;
  private static final List<BatchId> BATCHES = new ArrayList<>();
  private static final List<ImageName> UPLOADED = new ArrayList<>();

  @TempDir Path dir;

  @BeforeAll
  static void connect() {
    url = System.getenv().getOrDefault("INVOKEAI_URL", "http://127.0.0.1:9090");
    client = InvokeAIClient.fromUrl(url);
  }

  @AfterAll
  static void cleanUp() {
    List<ImageName> images = new ArrayList<>(UPLOADED);
    for (BatchId batch : BATCHES) {
      for (QueueItemId id : client.queue().itemIdsOf(batch)) {
        client.queue().find(id).ifPresent(item -> io.invoke4j.domain.queue.OutputMapper.map(item)
            .forEach(o -> images.addAll(o.imageNames())));
        client.queue().delete(id);
      }
    }
    if (!images.isEmpty()) {
      client.images().delete(images);
    }
    client.close();
  }

  @Test
  void runSavesTheOutputImageWithItsSidecar() throws Exception {
    Path out = dir.resolve("out");
    Result result = cli("run", example("blank-blur-save.json"), "--set", "4=200", "--set", "Resize height=120",
        "--out", out.toString(), "--json");
    assertThat(result.code).as(result.err).isZero();
    JsonNode summary = JSON.readTree(result.out);
    BATCHES.add(BatchId.of(summary.path("batchId").asText()));
    assertThat(summary.path("itemIds")).hasSize(1);
    List<Path> pngs = files(out, ".png");
    assertThat(pngs).hasSize(1);
    BufferedImage image = ImageIO.read(pngs.get(0).toFile());
    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(image.getHeight()).isEqualTo(120);
    JsonNode sidecar = JSON.readTree(pngs.get(0).resolveSibling(pngs.get(0).getFileName() + ".json").toFile());
    assertThat(sidecar.path("workflow").asText()).isEqualTo("blank-blur-save");
    assertThat(sidecar.path("batchId").asText()).isEqualTo(summary.path("batchId").asText());
    assertThat(sidecar.path("inputs").path("4 Resize width").asInt()).isEqualTo(200);
    assertThat(sidecar.path("serverVersion").asText()).isNotBlank();
    assertThat(sidecar.path("timings").has("completed")).isTrue();
    // byte for byte what the server has
    String name = sidecar.path("image").asText();
    assertThat(Files.readAllBytes(pngs.get(0))).isEqualTo(client.images().download(ImageName.of(name)));
  }

  @Test
  void sweepOfFourCombinationsIsOneBatchOfFourItemsWithAnUploadedImage() throws Exception {
    BufferedImage source = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    source.setRGB(10, 10, 0xff0000);
    Path png = dir.resolve("source.png");
    ImageIO.write(source, "png", png.toFile());
    Path out = dir.resolve("out");
    Result result = cli("sweep", example("blur-resize-save.json"), "--set", "0=" + png, "--vary", "2=40,50",
        "--vary", "3=30,20", "--out", out.toString(), "--json");
    assertThat(result.code).as(result.err).isZero();
    JsonNode summary = JSON.readTree(result.out);
    BatchId batch = BatchId.of(summary.path("batchId").asText());
    BATCHES.add(batch);
    assertThat(client.queue().itemIdsOf(batch)).hasSize(4);
    List<String> sizes = new ArrayList<>();
    for (Path file : files(out, ".png")) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(file)));
      sizes.add(image.getWidth() + "x" + image.getHeight());
      assertThat(file.resolveSibling(file.getFileName() + ".json")).exists();
    }
    assertThat(sizes).containsExactlyInAnyOrder("40x30", "40x20", "50x30", "50x20");
    // the uploaded source image is the GUI-visible input of every item
    summary.path("items").forEach(item -> assertThat(item.path("status").asText()).isEqualTo("completed"));
    client.queue().list(client.queue().itemIdsOf(batch)).forEach(item -> item.graph().findValues("image")
        .stream().map(v -> v.path("image_name").asText()).filter(n -> !n.isEmpty())
        .forEach(n -> UPLOADED.add(ImageName.of(n))));
  }

  @Test
  void zippedSweepPairsValuesAndPrintsParsableJson() throws Exception {
    Result result = cli("sweep", example("integer-add.json"), "--vary", "A=1,2,3", "--vary", "1=10,20,30", "--zip",
        "--out", dir.toString(), "--json");
    assertThat(result.code).as(result.err).isZero();
    JsonNode summary = JSON.readTree(result.out);
    BATCHES.add(BatchId.of(summary.path("batchId").asText()));
    assertThat(summary.path("items")).hasSize(3);
    assertThat(summary.path("problems")).isEmpty();
  }

  @Test
  void badInputExitsTwoWithOneLineAndUnreachableServerExitsThree() throws Exception {
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "");
    Result bad = cli("run", empty.toString());
    assertThat(bad.code).isEqualTo(2);
    assertThat(bad.err.strip()).doesNotContain("\n", "$:", "Exception").startsWith("invoke4j: " + empty);
    Result unreachable = cliWithUrl("http://127.0.0.1:1", "run", example("integer-add.json"));
    assertThat(unreachable.code).isEqualTo(3);
    assertThat(unreachable.err.strip()).doesNotContain("\n").contains("127.0.0.1:1");
  }

  @Test
  void aJournaledSweepKilledAfterTheFirstImageResumesWithoutEnqueueingAgain() throws Exception {
    Path out = dir.resolve("out");
    Path journal = dir.resolve("run.jsonl");
    String[] args = {"sweep", example("blank-blur-save.json"), "--vary", "3=1,2,3", "--vary", "4=64,80", "--out",
        out.toString(), "--journal", journal.toString(), "--progress", "lines"};
    Process first = start(url, true, args);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while ((!Files.isDirectory(out) || files(out, ".png").isEmpty()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    first.destroyForcibly(); // SIGKILL on Linux
    first.waitFor();
    List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    JsonNode enqueued = lines.stream().map(CliRunSweepIT::parse).filter(r -> r.path("type").asText().equals("enqueued"))
        .findFirst().orElseThrow();
    BatchId batch = BatchId.of(enqueued.path("batchId").asText());
    BATCHES.add(batch);
    assertThat(files(out, ".png")).isNotEmpty();

    Result second = cli(args);
    assertThat(second.code).as(second.err).isZero();
    assertThat(second.err).contains("resuming batch " + batch.value());
    assertThat(files(out, ".png")).hasSize(6);
    assertThat(client.queue().itemIdsOf(batch)).hasSize(6);
    assertThat(Files.readAllLines(journal).stream().filter(l -> l.contains("\"enqueued\""))).hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  private record Result(int code, String out, String err) {}

  private static String example(String name) {
    return ROOT.resolve("examples").resolve(name).toString();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private Result cli(String... args) throws Exception {
    return cliWithUrl(url, args);
  }

  private Result cliWithUrl(String serverUrl, String... args) throws Exception {
    Process process = start(serverUrl, false, args);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), out, err);
  }

  private Process start(String serverUrl, boolean discardOutput, String... args) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(ROOT.resolve("app/target"))) {
      jar = files.filter(f -> f.getFileName().toString().matches("invoke4j-app-.*-cli\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("build the CLI jar first: mvn -pl app -am package"));
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("INVOKEAI_URL", serverUrl);
    if (discardOutput) {
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    return builder.start();
  }
}
