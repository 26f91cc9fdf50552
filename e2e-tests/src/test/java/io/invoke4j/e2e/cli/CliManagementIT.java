package io.invoke4j.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.workflow.WorkflowId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management commands in-process (the CLI jar's {@code Main.run}) against the real server, each result
 * parsed from {@code --json}. Everything a test creates is deleted afterwards; the shared queue is
 * never cleared (other tests use it), only what the test enqueued is removed.
 */
class CliManagementIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static String url;
  private static InvokeAIClient client;
  private static Method main;
  private static final List<BoardId> BOARDS = new ArrayList<>();
  private static final List<ImageName> IMAGES = new ArrayList<>();
  private static final List<WorkflowId> WORKFLOWS = new ArrayList<>();
  private static final List<BatchId> BATCHES = new ArrayList<>();

  @TempDir Path dir;

  @BeforeAll
  static void connect() throws Exception {
    url = System.getenv().getOrDefault("INVOKEAI_URL", "http://127.0.0.1:9090");
    client = InvokeAIClient.fromUrl(url);
    main = cliEntry();
  }

  /**
   * {@code Main.run(String...)} of the CLI jar, loaded in this JVM: picocli is an optional
   * dependency of app, so this module's class path lacks it; the CLI jar carries it.
   */
  private static Method cliEntry() throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(ROOT.resolve("app/target"))) {
      jar = files.filter(f -> f.getFileName().toString().matches("invoke4j-app-.*-cli\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("build the CLI jar first: mvn -pl app -am package"));
    }
    ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    return Class.forName("io.invoke4j.app.cli.Main", true, loader).getMethod("run", String[].class);
  }

  @AfterAll
  static void cleanUp() {
    for (BatchId batch : BATCHES) {
      for (QueueItemId id : client.queue().itemIdsOf(batch)) {
        client.queue().find(id).ifPresent(item -> OutputMapper.map(item).forEach(o -> IMAGES.addAll(o.imageNames())));
        client.queue().delete(id);
      }
    }
    List<ImageName> left = IMAGES.stream().filter(i -> client.images().find(i).isPresent()).toList();
    if (!left.isEmpty()) {
      client.images().delete(left);
    }
    BOARDS.stream().filter(b -> client.boards().find(b).isPresent()).forEach(b -> client.boards().delete(b, true));
    WORKFLOWS.stream().filter(w -> client.workflowLibrary().find(w).isPresent())
        .forEach(w -> client.workflowLibrary().delete(w));
    client.close();
  }

  @Test
  void boardsCreateRenameListDelete() throws Exception {
    JsonNode created = json("boards", "create", "invoke4j CliManagementIT");
    BoardId id = BoardId.of(created.get("id").asText());
    BOARDS.add(id);

    assertThat(json("boards", "rename", id.value(), "invoke4j CliManagementIT renamed").get("name").asText())
        .isEqualTo("invoke4j CliManagementIT renamed");
    JsonNode boards = json("boards", "list");
    assertThat(boards.get(0).get("id").asText()).isEqualTo("none");
    assertThat(boards).anyMatch(b -> b.get("id").asText().equals(id.value())
        && b.get("name").asText().equals("invoke4j CliManagementIT renamed") && b.get("imageCount").asInt() == 0);

    assertThat(json("boards", "delete", id.value()).get("deleted").asBoolean()).isTrue();
    assertThat(json("boards", "list")).noneMatch(b -> b.get("id").asText().equals(id.value()));
    Result again = cli("boards", "delete", id.value());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).isEqualTo("invoke4j: boards delete: no board " + id.value() + " at " + url + "\n");
  }

  @Test
  void imagesUploadListStarMoveDownloadDelete() throws Exception {
    Path png = dir.resolve("input.png");
    Files.write(png, client.images().download(firstOutputOfARun()));
    String board = json("boards", "create", "invoke4j CliManagementIT images").get("id").asText();
    BOARDS.add(BoardId.of(board));

    JsonNode uploaded = json("images", "upload", png.toString(), "--board", board);
    String name = uploaded.get(0).get("name").asText();
    IMAGES.add(ImageName.of(name));
    assertThat(uploaded.get(0).get("board").asText()).isEqualTo(board);
    assertThat(uploaded.get(0).get("category").asText()).isEqualTo("user");

    JsonNode page = json("images", "list", "--board", board);
    assertThat(page.get("total").asInt()).isOne();
    assertThat(page.at("/items/0/name").asText()).isEqualTo(name);

    assertThat(json("images", "star", name).get("images")).extracting(JsonNode::asText).containsExactly(name);
    assertThat(json("images", "list", "--board", board).at("/items/0/starred").asBoolean()).isTrue();
    assertThat(json("images", "unstar", name).get("starred").asBoolean()).isFalse();
    assertThat(json("images", "list", "--board", board).at("/items/0/starred").asBoolean()).isFalse();

    Path out = dir.resolve("download");
    JsonNode saved = json("images", "download", name, "--out", out.toString());
    assertThat(Files.readAllBytes(Path.of(saved.at("/0/path").asText()))).isEqualTo(Files.readAllBytes(png));
    assertThat(saved.at("/0/bytes").asLong()).isEqualTo(Files.size(png));

    assertThat(json("images", "move", name, "--board", "none").get("board").asText()).isEqualTo("none");
    assertThat(json("images", "list", "--board", board).get("total").asInt()).isZero();
    assertThat(client.images().find(ImageName.of(name)).orElseThrow().boardId())
        .isEmpty();

    assertThat(json("images", "delete", name).get("deleted")).extracting(JsonNode::asText).containsExactly(name);
    assertThat(client.images().find(ImageName.of(name))).isEmpty();
  }

  @Test
  void queueStatusListPrune() throws Exception {
    JsonNode status = json("queue", "status");
    assertThat(status.get("queueId").asText()).isEqualTo("default");
    assertThat(status.get("total").asInt()).isGreaterThanOrEqualTo(0);

    JsonNode run = runAdd();
    String batch = run.get("batchId").asText();
    long item = run.at("/itemIds/0").asLong();
    JsonNode listed = json("queue", "list", "--batch", batch);
    assertThat(listed).extracting(i -> i.get("itemId").asLong()).containsExactly(item);
    assertThat(listed.get(0).get("status").asText()).isEqualTo("completed");
    assertThat(json("queue", "list", "--status", "completed", "--limit", "1000"))
        .anyMatch(i -> i.get("itemId").asLong() == item);

    assertThat(json("queue", "prune").get("deleted").asInt()).isGreaterThanOrEqualTo(0);
    assertThat(json("queue", "list", "--batch", batch)).isEmpty();
  }

  @Test
  void workflowsSaveListGetUpdate() throws Exception {
    Path file = ROOT.resolve("examples/integer-add.json");
    JsonNode saved = json("workflows", "save", file.toString());
    String id = saved.get("id").asText();
    WORKFLOWS.add(WorkflowId.of(id));
    assertThat(saved.get("category").asText()).isEqualTo("user");

    assertThat(json("workflows", "list", "--category", "user")).anyMatch(w -> w.get("id").asText().equals(id));
    JsonNode got = json("workflows", "get", id);
    assertThat(got.get("name").asText()).isEqualTo(saved.get("name").asText());
    assertThat(got.at("/workflow/nodes")).hasSize(JSON.readTree(file.toFile()).get("nodes").size());
    Result document = cli("workflows", "get", id);
    assertThat(JSON.readTree(document.out()).get("id").asText()).isEqualTo(id);

    Path other = ROOT.resolve("examples/blank-blur-save.json");
    JsonNode updated = json("workflows", "save", other.toString(), "--id", id);
    assertThat(updated.get("id").asText()).isEqualTo(id);
    assertThat(json("workflows", "get", id).at("/workflow/nodes"))
        .hasSize(JSON.readTree(other.toFile()).get("nodes").size());

    assertThat(json("workflows", "delete", id).get("deleted").asBoolean()).isTrue();
    assertThat(cli("workflows", "get", id).code()).isEqualTo(2);
  }

  @Test
  void serverVersion() throws Exception {
    JsonNode version = json("server", "version");
    assertThat(version.get("version").asText()).isEqualTo(client.server().version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(cli("server", "version").out().strip()).isEqualTo(version.get("version").asText());
  }

  @Test
  void unreachableServerIsExitThreeOnOneLine() throws Exception {
    Result result = run("boards", "list", "--url", "http://127.0.0.1:1");
    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err()).startsWith("invoke4j: boards list at http://127.0.0.1:1: ").hasLineCount(1);
  }

  // ---------------------------------------------------------------- helpers

  private JsonNode runAdd() throws Exception {
    JsonNode summary = json("run", ROOT.resolve("examples/integer-add.json").toString(), "--out", dir.toString(),
        "--progress", "none");
    BATCHES.add(BatchId.of(summary.get("batchId").asText()));
    return summary;
  }

  private ImageName firstOutputOfARun() throws Exception {
    JsonNode summary = json("run", ROOT.resolve("examples/blank-blur-save.json").toString(), "--out",
        dir.resolve("run").toString(), "--progress", "none");
    BATCHES.add(BatchId.of(summary.get("batchId").asText()));
    return ImageName.of(summary.at("/items/0/outputs/0/image").asText());
  }

  /** Runs a command against the server with {@code --json}, requires exit 0, parses stdout. */
  private JsonNode json(String... args) throws Exception {
    String[] withJson = Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    Result result = cli(withJson);
    assertThat(result.code()).as(result.err()).isZero();
    return JSON.readTree(result.out());
  }

  private Result cli(String... args) {
    String[] withUrl = Arrays.copyOf(args, args.length + 2);
    withUrl[args.length] = "--url";
    withUrl[args.length + 1] = url;
    return run(withUrl);
  }

  /**
   * The CLI's picocli entry in this JVM: it writes to System.out and System.err, swapped here for
   * the call (the tests of a class run one at a time).
   */
  private static synchronized Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      int code = (Integer) main.invoke(null, (Object) args);
      System.out.flush();
      System.err.flush();
      return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("the CLI's entry point failed", e);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private record Result(int code, String out, String err) {}
}
