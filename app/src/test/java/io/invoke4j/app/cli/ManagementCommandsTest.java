package io.invoke4j.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImageQuery;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management commands in-process against one in-memory server (so what one command creates the
 * next one sees), every {@code --json} output parsed.
 */
class ManagementCommandsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ADD = Path.of("../examples/integer-add.json").toString();
  private static final String BLANK = Path.of("../examples/blank-blur-save.json").toString();

  private final MemoryInvokeAI server = MemoryInvokeAI.builder().model(ModelRecord.builder()
      .key(ModelKey.of("k1")).name("tiny").base("sd-1").type("main").build()).build();
  @TempDir Path dir;

  @AfterEach
  void close() {
    server.close();
  }

  private CliRun invoke4j(String... args) {
    ClientFactory fakes = options -> InvokeAIClient.builder().inMemory(server).build();
    return CliRun.run(Main.create(fakes, Map.of()), args);
  }

  /** Runs a command with {@code --json}, requires exit 0 and returns what it printed, parsed. */
  private JsonNode json(String... args) throws IOException {
    String[] withJson = Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    CliRun run = invoke4j(withJson);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    return MAPPER.readTree(run.out());
  }

  @Test
  void boardsCreateRenameListDelete() throws IOException {
    JsonNode created = json("boards", "create", "Sketches");
    String id = created.get("id").asText();

    assertThat(json("boards", "rename", id, "Finals").get("name").asText()).isEqualTo("Finals");
    JsonNode boards = json("boards", "list");
    assertThat(boards.get(0).get("id").asText()).isEqualTo("none");
    assertThat(boards).anyMatch(b -> b.get("id").asText().equals(id) && b.get("name").asText().equals("Finals"));
    assertThat(json("boards", "delete", id).get("deleted").asBoolean()).isTrue();
    assertThat(json("boards", "list")).noneMatch(b -> b.get("id").asText().equals(id));
  }

  @Test
  void boardsListAsTextIsATable() {
    CliRun run = invoke4j("boards", "list");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("ID").contains("NAME"));
    assertThat(run.out()).contains("Uncategorized");
  }

  @Test
  void unknownBoardIsBadInputNamingIt() {
    CliRun run = invoke4j("boards", "delete", "no-such-board");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(CliRun.lines("invoke4j: boards delete: no board no-such-board at "
        + ServerOptions.DEFAULT_URL));
  }

  @Test
  void imagesUploadListStarMoveDownloadDelete() throws IOException {
    Path png = dir.resolve("in.png");
    Files.write(png, server.images().download(firstOutput()));
    String board = json("boards", "create", "Mine").get("id").asText();

    JsonNode uploaded = json("images", "upload", png.toString(), "--board", board);
    String name = uploaded.get(0).get("name").asText();
    assertThat(uploaded.get(0).get("board").asText()).isEqualTo(board);

    JsonNode page = json("images", "list", "--board", board);
    assertThat(page.get("total").asInt()).isOne();
    assertThat(page.get("items").get(0).get("name").asText()).isEqualTo(name);

    assertThat(json("images", "star", name).get("images")).extracting(JsonNode::asText).containsExactly(name);
    assertThat(json("images", "list", "--board", board).at("/items/0/starred").asBoolean()).isTrue();
    assertThat(json("images", "unstar", name).get("starred").asBoolean()).isFalse();

    assertThat(json("images", "move", name, "--board", "none").get("board").asText()).isEqualTo("none");
    assertThat(json("images", "list", "--board", board).get("total").asInt()).isZero();

    Path out = dir.resolve("out");
    JsonNode saved = json("images", "download", name, "--out", out.toString());
    assertThat(Files.readAllBytes(Path.of(saved.get(0).get("path").asText()))).isEqualTo(Files.readAllBytes(png));

    assertThat(json("images", "delete", name).get("deleted")).extracting(JsonNode::asText).containsExactly(name);
  }

  @Test
  void downloadRefusesANameThatIsAPath() {
    CliRun run = invoke4j("images", "download", "../escape.png", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("\"../escape.png\" is not an image name").hasLineCount(1);
  }

  @Test
  void modelsListJobsInstallDelete() throws IOException {
    assertThat(json("models", "list")).extracting(m -> m.get("key").asText()).containsExactly("k1");
    assertThat(json("models", "list", "--base", "flux")).isEmpty();

    // a local file: the fake's URL jobs lack their byte counts (adapter-memory, issue 7)
    Path notAModel = Files.writeString(dir.resolve("notes.txt"), "not a model");
    JsonNode job = json("models", "install", notAModel.toString());
    assertThat(job.get("status").asText()).isEqualTo("error");
    assertThat(job.get("error").asText()).contains("not a recognized model format");
    assertThat(json("models", "jobs")).extracting(j -> j.get("id").asLong()).contains(job.get("id").asLong());

    assertThat(json("models", "delete", "k1").get("deleted").asBoolean()).isTrue();
    assertThat(json("models", "list")).isEmpty();
  }

  @Test
  void refusedInstallExitsThreeNamingTheCallAndServer() {
    CliRun run = invoke4j("models", "install", "not a source");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("invoke4j: models install at " + ServerOptions.DEFAULT_URL + ": ")
        .contains("Unsupported model source").doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void queueStatusListCancelPrunePauseResumeClear() throws IOException {
    assertThat(json("queue", "pause").get("processorStarted").asBoolean()).isFalse();
    JsonNode run = runAdd();
    long item = run.get("itemIds").get(0).asLong();

    assertThat(json("queue", "status").get("pending").asInt()).isOne();
    JsonNode listed = json("queue", "list", "--batch", run.get("batchId").asText());
    assertThat(listed).extracting(i -> i.get("itemId").asLong()).containsExactly(item);
    assertThat(json("queue", "list", "--status", "completed")).isEmpty();

    JsonNode canceled = json("queue", "cancel", Long.toString(item));
    assertThat(canceled.at("/items/0/status").asText()).isEqualTo("canceled");
    assertThat(json("queue", "prune").get("deleted").asInt()).isOne();
    assertThat(json("queue", "list")).isEmpty();

    assertThat(json("queue", "resume").get("processorStarted").asBoolean()).isTrue();
    runAdd();
    assertThat(json("queue", "clear").get("deleted").asInt()).isOne();
    assertThat(json("queue", "status").get("total").asInt()).isZero();
  }

  @Test
  void cancelWithoutWhatIsAUsageError() {
    CliRun run = invoke4j("queue", "cancel");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("name ITEM_IDs, --batch or --all-except-current").hasLineCount(1);
  }

  @Test
  void workflowsSaveListGetUpdateDelete() throws IOException {
    JsonNode saved = json("workflows", "save", ADD);
    String id = saved.get("id").asText();
    assertThat(saved.get("category").asText()).isEqualTo("user");

    assertThat(json("workflows", "list")).anyMatch(w -> w.get("id").asText().equals(id));
    JsonNode got = json("workflows", "get", id);
    assertThat(got.at("/workflow/nodes")).hasSize(MAPPER.readTree(Path.of(ADD).toFile()).get("nodes").size());
    CliRun document = invoke4j("workflows", "get", id);
    assertThat(MAPPER.readTree(document.out()).get("name").asText()).isEqualTo(saved.get("name").asText());

    assertThat(json("workflows", "save", BLANK, "--id", id).get("id").asText()).isEqualTo(id);
    assertThat(json("workflows", "delete", id).get("deleted").asBoolean()).isTrue();
    assertThat(invoke4j("workflows", "get", id).exitCode()).isEqualTo(2);
  }

  @Test
  void serverVersion() throws IOException {
    assertThat(json("server", "version").get("version").asText()).isEqualTo(server.server().version());
    assertThat(invoke4j("server", "version").out().strip()).isEqualTo(server.server().version());
  }

  @Test
  void aGroupWithoutSubcommandIsAUsageError() {
    CliRun run = invoke4j("boards");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required subcommand").contains("invoke4j boards --help");
  }

  @Test
  void urlMemoryIsAServerInThisProcess() throws IOException {
    CliRun run = CliRun.invoke4j("boards", "list", "--url", "memory:", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(MAPPER.readTree(run.out())).extracting(b -> b.get("id").asText()).containsExactly("none");
  }

  /** One run of integer-add, enqueued (and, unless paused, run) through the CLI. */
  private JsonNode runAdd() throws IOException {
    CliRun run = invoke4j("run", ADD, "--out", dir.toString(), "--json", "--timeout", "1", "--progress", "none");
    return MAPPER.readTree(run.out());
  }

  private ImageName firstOutput() {
    CliRun run = invoke4j("run", BLANK, "--out", dir.toString(), "--progress", "none");
    assertThat(run.exitCode()).as(run.err()).isZero();
    server.awaitIdle(Duration.ofSeconds(5));
    return server.images().list(ImageQuery.firstPage()).items().get(0).name();
  }
}
