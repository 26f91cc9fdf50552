package io.invoke4j.app.cli;

import static io.invoke4j.app.cli.CliRun.invoke4j;
import static io.invoke4j.app.cli.CliRun.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.ports.ServerGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inputs} and {@code payload} on the project's own examples, run in-process. */
class CommandsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  // surefire runs in the module's folder; the examples are the ones the README points at
  private static final String ADD = Path.of("../examples/integer-add.json").toString();
  private static final String BLANK = Path.of("../examples/blank-blur-save.json").toString();
  private static final String ADD_NODE = "924aecbe-4a53-483b-bf47-88955cdb7f4c";
  private static final String A_NODE = "cde9d231-c8a3-4e7b-9d7d-255f2b68beef";

  @TempDir Path tmp;

  @Test
  void inputsPrintsATableInFormOrder() {
    CliRun run = invoke4j("inputs", ADD);

    assertThat(run).isEqualTo(new CliRun(0, lines(
        "INDEX  LABEL  TYPE     NODE                                          VALUE",
        "0      A      integer  A (cde9d231-c8a3-4e7b-9d7d-255f2b68beef)      2",
        "1      B      integer  A + B (924aecbe-4a53-483b-bf47-88955cdb7f4c)  3"), ""));
  }

  @Test
  void inputsAsJsonHasTheDocumentedKeys() throws IOException {
    CliRun run = invoke4j("inputs", BLANK, "--json");

    JsonNode inputs = MAPPER.readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(inputs).hasSize(7);
    JsonNode board = inputs.get(6);
    assertThat(MAPPER.writeValueAsString(board)).isEqualTo(
        "{\"index\":6,\"label\":\"Output board\",\"fieldName\":\"board\","
            + "\"nodeId\":\"4278c261-4e1b-4b38-bbb4-a570294c4ea3\",\"nodeName\":\"Save\","
            + "\"nodeType\":\"save_image\",\"type\":\"board\",\"options\":[],\"required\":false,\"value\":\"auto\"}");
    assertThat(inputs.get(2).get("value")).isEqualTo(MAPPER.readTree("{\"r\":64,\"g\":128,\"b\":192,\"a\":255}"));
  }

  @Test
  void inputsWithUrlShowTheServersEnumOptions() throws IOException {
    Path file = withResampleModeInTheForm();

    CliRun json = withRecordedSchema("inputs", file.toString(), "--url", "http://recorded", "--json");
    CliRun table = withRecordedSchema("inputs", file.toString(), "--url", "http://recorded");

    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode mode = MAPPER.readTree(json.out()).get(5);
    assertThat(mode.get("fieldName").asText()).isEqualTo("resample_mode");
    assertThat(mode.get("type").asText()).isEqualTo("enum");
    assertThat(mode.get("options")).extracting(JsonNode::asText).contains("nearest", "bicubic", "lanczos");
    assertThat(table.out().lines().filter(l -> l.startsWith("5 "))).singleElement().asString()
        .contains("enum (nearest|").contains("\"bicubic\"");
  }

  @Test
  void payloadWithUrlNamesTheSetIndexOfEmptyRequiredInputs() throws IOException {
    String blur = Path.of("../examples/blur-resize-save.json").toString();

    CliRun run = invoke4j("payload", blur, "--url", "memory:", "--set", "1=2.5");

    assertThat(run.exitCode()).isZero();
    assertThat(MAPPER.readTree(run.out()).has("batch")).isTrue();
    assertThat(run.err()).isEqualTo(lines("invoke4j: warning: required inputs are empty: --set 0 (\"Source image\")"));
  }

  @Test
  void unreachableServerForInputsExitsThreeNamingIt() {
    CliRun run = invoke4j("inputs", ADD, "--url", "http://127.0.0.1:9");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("invoke4j: read the node templates of http://127.0.0.1:9: ").hasLineCount(1);
  }

  /**
   * A command against the in-memory server answering with the OpenAPI schema recorded from
   * InvokeAI 6.14.2: the in-memory one knows field types but no enum options.
   */
  private static CliRun withRecordedSchema(String... args) throws IOException {
    JsonNode schema = MAPPER.readTree(Path.of("../domain/src/test/resources/io/invoke4j/domain/field/openapi-6.14.2.json")
        .toFile());
    MemoryInvokeAI memory = MemoryInvokeAI.create();
    ServerGateway recorded = new ServerGateway() {
      @Override
      public String version() {
        return memory.server().version();
      }

      @Override
      public JsonNode openApiSchema() {
        return schema;
      }

      @Override
      public JsonNode runtimeConfig() {
        return memory.server().runtimeConfig();
      }
    };
    try (memory) {
      ClientFactory clients = options -> InvokeAIClient.builder().inMemory(memory).serverGateway(recorded).build();
      return CliRun.run(Main.create(clients, Map.of()), args);
    }
  }

  /** blur-resize-save with the Resize node's resample_mode (an enum) added to the form. */
  private Path withResampleModeInTheForm() throws IOException {
    ObjectNode workflow = (ObjectNode) MAPPER.readTree(Path.of("../examples/blur-resize-save.json").toFile());
    String resize = "8ca59966-66ce-4b36-8512-bd1311072231";
    ((ArrayNode) workflow.get("exposedFields")).addObject().put("nodeId", resize).put("fieldName", "resample_mode");
    ObjectNode elements = (ObjectNode) workflow.at("/form/elements");
    ((ArrayNode) elements.at("/root/data/children")).add("node-field-mode");
    elements.putObject("node-field-mode").put("id", "node-field-mode").put("type", "node-field").put("parentId", "root")
        .putObject("data").put("showDescription", false)
        .putObject("fieldIdentifier").put("nodeId", resize).put("fieldName", "resample_mode");
    Path file = tmp.resolve("blur-resize-mode.json");
    MAPPER.writeValue(file.toFile(), workflow);
    return file;
  }

  @Test
  void payloadCarriesSetValuesRunsAndTheEmbeddedWorkflow() throws IOException {
    CliRun run = invoke4j("payload", ADD, "--set", "0=40", "--set", "1=2", "--runs", "3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode body = MAPPER.readTree(run.out());
    JsonNode batch = body.get("batch");
    assertThat(body.get("prepend").asBoolean()).isFalse();
    assertThat(batch.get("runs").asInt()).isEqualTo(3);
    assertThat(batch.get("origin").asText()).isEqualTo("workflows");
    assertThat(batch.get("destination").asText()).isEqualTo("gallery");
    assertThat(batch.at("/graph/nodes/" + A_NODE + "/value").asInt()).isEqualTo(40);
    assertThat(batch.at("/graph/nodes/" + ADD_NODE + "/b").asInt()).isEqualTo(2);
    // a is fed by the edge from A, so the GUI leaves it out of the node
    assertThat(batch.at("/graph/nodes/" + ADD_NODE).has("a")).isFalse();
    // the workflow stored with the item (and in the images) shows the values that ran
    assertThat(batch.at("/workflow/nodes/0/data/inputs/value/value").asInt()).isEqualTo(40);
  }

  @Test
  void payloadSendsAutoBoardInputsToTheGivenBoard() throws IOException {
    CliRun withBoard = invoke4j("payload", BLANK, "--auto-board", "my-board");
    CliRun without = invoke4j("payload", BLANK);

    String save = "/batch/graph/nodes/4278c261-4e1b-4b38-bbb4-a570294c4ea3";
    assertThat(MAPPER.readTree(withBoard.out()).at(save + "/board"))
        .isEqualTo(MAPPER.readTree("{\"board_id\":\"my-board\"}"));
    assertThat(MAPPER.readTree(without.out()).at(save).has("board")).isFalse();
  }

  @Test
  void payloadWarnsAboutRequiredInputsLeftEmptyButStillPrints() throws IOException {
    String blur = Path.of("../examples/blur-resize-save.json").toString();

    CliRun empty = invoke4j("payload", blur);
    CliRun set = invoke4j("payload", blur, "--set", "0=in.png");

    assertThat(empty.exitCode()).isZero();
    assertThat(MAPPER.readTree(empty.out()).has("batch")).isTrue();
    assertThat(empty.err()).isEqualTo(lines("invoke4j: warning: required inputs are empty: --set 0 (\"Source image\")"));
    assertThat(set.err()).isEmpty();
  }

  @Test
  void wrongTypeNamesTheInputAndSendsNothing() {
    CliRun run = invoke4j("payload", ADD, "--set", "1=abc");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(lines(
        "invoke4j: input 1 \"B\" (node \"A + B\" add#" + ADD_NODE + ", field b): expected integer, got \"abc\""));
  }

  @Test
  void unknownIndexIsOneLineNamingTheRange() {
    CliRun run = invoke4j("payload", ADD, "--set", "9=1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("invoke4j: ").contains("9").contains("it has 2").doesNotContain("\tat ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void malformedSetIsAUsageError() {
    CliRun run = invoke4j("payload", ADD, "--set", "40");

    assertThat(run).isEqualTo(new CliRun(2, "",
        lines("invoke4j: --set 40: expected INDEX=VALUE or LABEL=VALUE, e.g. --set 2=512")));
  }

  @Test
  void payloadSetsAnInputByItsLabelIgnoringCaseAsRunDoes() throws IOException {
    CliRun byLabel = invoke4j("payload", ADD, "--set", "a=40", "--set", "B=2");
    CliRun byIndex = invoke4j("payload", ADD, "--set", "0=40", "--set", "1=2");

    assertThat(byLabel.exitCode()).isZero();
    assertThat(byLabel.err()).isEmpty();
    JsonNode batch = MAPPER.readTree(byLabel.out()).get("batch");
    assertThat(batch.at("/graph/nodes/" + A_NODE + "/value").asInt()).isEqualTo(40);
    assertThat(batch.at("/graph/nodes/" + ADD_NODE + "/b").asInt()).isEqualTo(2);
    assertThat(batch.at("/graph/nodes")).isEqualTo(MAPPER.readTree(byIndex.out()).at("/batch/graph/nodes"));
  }

  @Test
  void payloadNamesTheLabelsWhenNoInputHasTheLabel() {
    CliRun run = invoke4j("payload", ADD, "--set", "x=1");

    assertThat(run).isEqualTo(new CliRun(2, "", lines(
        "invoke4j: --set x=1: workflow \"integer-add\" has no input labelled \"x\" (labels: A, B)")));
  }

  @Test
  void brokenWorkflowNamesTheJsonPath() throws IOException {
    Path file = tmp.resolve("broken.json");
    Files.writeString(file, "{\"meta\": {\"version\": \"3.0.0\"}, \"nodes\": {}, \"edges\": []}");

    CliRun run = invoke4j("inputs", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("invoke4j: nodes: expected an array").hasLineCount(1);
  }

  @Test
  void missingFileIsOneLine() {
    CliRun run = invoke4j("inputs", tmp.resolve("nope.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("invoke4j: ").contains("nope.json").hasLineCount(1);
  }
}
