package io.invoke4j.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.ports.QueueGateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code sweep} in-process against the in-memory server, through swapped ports. */
class RunCommandTest {
  private static final String ADD = Path.of("../examples/integer-add.json").toString();
  private static final String BLANK = Path.of("../examples/blank-blur-save.json").toString();

  private final MemoryInvokeAI server = MemoryInvokeAI.create();
  @TempDir Path dir;

  @AfterEach
  void close() {
    server.close();
  }

  private CliRun invoke4j(String... args) {
    ClientFactory fakes = options -> InvokeAIClient.builder().queueGateway(server.queue()).imageGateway(server.images())
        .boardGateway(server.boards()).modelGateway(server.models()).workflowLibrary(server.workflows())
        .serverGateway(server.server()).eventStream(server.events()).build();
    return CliRun.run(Main.create(fakes, Map.of()), args);
  }

  @Test
  void runSavesEveryOutputAndPrintsWhereItWent() throws Exception {
    CliRun run = invoke4j("run", BLANK, "--out", dir.toString(), "--progress", "lines");
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).hasSize(2)
          .anyMatch(f -> f.endsWith(".png")).anyMatch(f -> f.endsWith(".png.json"));
    }
    assertThat(run.out().strip()).startsWith(dir.toAbsolutePath().toString()).endsWith(".png");
    assertThat(run.err()).contains("invoke4j: 1/1 item").doesNotContain("\r");
  }

  @Test
  void sweepIsOneBatchAndItsJsonParses() throws Exception {
    CliRun run = invoke4j("sweep", ADD, "--vary", "0=1,2", "--vary", "B=5,6,7", "--out", dir.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.path("itemIds")).hasSize(6);
    assertThat(summary.path("items")).hasSize(6);
  }

  @Test
  void urlMemoryRunsOnAServerInThisProcess() throws Exception {
    CliRun run = CliRun.invoke4j("run", BLANK, "--url", "memory:", "--out", dir.toString(), "--progress", "none");
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".png"))).hasSize(1);
    }
  }

  @Test
  void anItemDeletedFromTheQueueEndsTheRunWithExitFour() throws Exception {
    try (MemoryInvokeAI manual = MemoryInvokeAI.builder().manualProcessing().build()) {
      Thread deleter = new Thread(() -> {
        while (manual.queue().listAll().isEmpty()) {
          Thread.onSpinWait();
        }
        manual.queue().delete(manual.queue().listAll().get(0).itemId());
      });
      deleter.start();
      CliRun run = CliRun.run(Main.create(options -> InvokeAIClient.builder().inMemory(manual).build(), Map.of()),
          "run", ADD, "--out", dir.toString(), "--progress", "none", "--timeout", "30");
      deleter.join();
      assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
      assertThat(run.err()).contains("1 item(s) vanished from the server's queue before they finished");
    }
  }

  @Test
  void barModeRedrawsOneLineInPlace() {
    CliRun run = invoke4j("run", ADD, "--out", dir.toString(), "--progress", "bar");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("\r\033[K[").contains("1/1");
  }

  @Test
  void aFailedItemExitsFourWithTheServersError() {
    server.failNode("add", "ValueError", "cannot add");
    CliRun run = invoke4j("run", ADD, "--out", dir.toString(), "--progress", "none");
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("failed: ValueError: cannot add").doesNotContain("\n" + "invoke4j", "Exception:");
  }

  @Test
  void aJournalForOtherValuesIsRefused() {
    Path journal = dir.resolve("j.jsonl");
    assertThat(invoke4j("run", ADD, "--set", "0=1", "--out", dir.toString(), "--journal", journal.toString())
        .exitCode()).isZero();
    CliRun again = invoke4j("run", ADD, "--set", "0=2", "--out", dir.toString(), "--journal", journal.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("other values");
    CliRun resumed = invoke4j("run", ADD, "--set", "0=1", "--out", dir.toString(), "--journal", journal.toString());
    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.err()).contains("resuming batch");
    assertThat(server.queue().listAll()).hasSize(1);
  }

  @Test
  void emptyFileIsOneLineNamingItWithoutInternals() throws Exception {
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "");
    CliRun run = invoke4j("run", empty.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("invoke4j: " + empty + ": ").doesNotContain("$:", "io.invoke4j", "Exception")
        .hasLineCount(1);
  }

  @Test
  void requiredInputLeftEmptyNamesItsSetIndex() {
    CliRun run = invoke4j("run", Path.of("../examples/blur-resize-save.json").toString(), "--out", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("required inputs are empty: --set 0 (\"Source image\")");
  }

  @Test
  void cleanDropsClassNamesAndRootPaths() {
    assertThat(ErrorPolicy.clean("$: not valid JSON: io.invoke4j.domain.workflow.WorkflowFormatException: $: empty document"))
        .isEqualTo("not valid JSON: empty document");
    assertThat(Optional.of(ErrorPolicy.clean("$.meta.version: missing"))).contains("meta.version: missing");
    assertThat(ErrorPolicy.clean("GET /api/v1/boards/ failed: HttpHostConnectException: Connect to x failed"))
        .isEqualTo("GET /api/v1/boards/ failed: Connect to x failed");
    assertThat(ErrorPolicy.clean("ValueError: cannot add")).isEqualTo("ValueError: cannot add");
  }

  @Test
  void closedStdoutIsNotSuccess() {
    PrintWriter broken = new PrintWriter(new StringWriter()) {
      @Override
      public boolean checkError() {
        return true;
      }
    };
    assertThat(broken.checkError()).isTrue();
  }

  /**
   * No in-memory node makes a video, so a swapped queue port adds a {@code video_output} result (as
   * Wan 2.2's last node gives, for a video already on the fake server) to every finished item.
   */
  @Test
  void runSavesVideoOutputsWithSidecarsAndJournalsThem() throws Exception {
    byte[] mp4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0};
    String video = server.videos().upload(mp4, "clip.mp4", ImageCategory.GENERAL, Optional.empty(), false)
        .name().value();
    QueueGateway withVideos = withVideoResult(server.queue(), video, "4278c261-4e1b-4b38-bbb4-a570294c4ea3");
    ClientFactory fakes = options -> InvokeAIClient.builder().queueGateway(withVideos).imageGateway(server.images())
        .videoGateway(server.videos()).boardGateway(server.boards()).modelGateway(server.models())
        .workflowLibrary(server.workflows()).serverGateway(server.server()).eventStream(server.events()).build();
    Path journal = dir.resolve("j.jsonl");
    Path out = dir.resolve("out");

    CliRun run = CliRun.run(Main.create(fakes, Map.of()),
        "run", BLANK, "--out", out.toString(), "--journal", journal.toString(), "--progress", "none");
    CliRun again = CliRun.run(Main.create(fakes, Map.of()),
        "run", BLANK, "--out", out.toString(), "--journal", journal.toString(), "--progress", "none", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path saved;
    try (Stream<Path> files = Files.list(out)) {
      saved = files.filter(f -> f.toString().endsWith(".mp4")).findFirst().orElseThrow();
    }
    assertThat(Files.readAllBytes(saved)).isEqualTo(mp4);
    assertThat(run.out()).contains(saved.toString());
    JsonNode sidecar = new ObjectMapper().readTree(saved.resolveSibling(saved.getFileName() + ".json").toFile());
    assertThat(sidecar.path("video").asText()).isEqualTo(video);
    assertThat(sidecar.path("workflow").asText()).isEqualTo("blank-blur-save");
    assertThat(Files.readString(journal)).contains("\"video\":\"" + video + "\"");
    // the journal's re-run downloads nothing again, the video included
    assertThat(again.exitCode()).as(again.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(again.out()).path("items").get(0).path("outputs");
    assertThat(rows).hasSize(2).allMatch(row -> row.path("alreadySaved").asBoolean());
    assertThat(rows).anyMatch(row -> row.path("video").asText().equals(video));
  }

  private static QueueGateway withVideoResult(QueueGateway queue, String video, String nodeId) {
    return proxy(QueueGateway.class, queue, result -> result instanceof QueueItem item ? withVideo(item, video, nodeId)
        : result);
  }

  private static QueueItem withVideo(QueueItem item, String video, String nodeId) {
    if (item.status() != QueueItemStatus.COMPLETED) {
      return item;
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode().put("type", "video_output");
    result.putObject("video").put("video_name", video);
    Map<String, JsonNode> results = new LinkedHashMap<>(item.results());
    results.put("prepared-video", result);
    Map<String, String> mapping = new LinkedHashMap<>(item.preparedSourceMapping());
    mapping.put("prepared-video", nodeId);
    return proxy(QueueItem.class, item, r -> r, Map.of("results", results, "preparedSourceMapping", mapping));
  }

  private static <T> T proxy(Class<T> type, T target, UnaryOperator<Object> each) {
    return proxy(type, target, each, Map.of());
  }

  /** {@code target} with every result passed through {@code each} (inside lists and optionals too). */
  private static <T> T proxy(Class<T> type, T target, UnaryOperator<Object> each, Map<String, Object> fixed) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
      if (fixed.containsKey(method.getName())) {
        return fixed.get(method.getName());
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (result instanceof List<?> list) {
        return list.stream().map(each).toList();
      }
      if (result instanceof Optional<?> optional) {
        return optional.map(each);
      }
      return each.apply(result);
    }));
  }
}
