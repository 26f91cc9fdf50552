package io.invoke4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.adapter.http.HttpQueueGateway;
import io.invoke4j.domain.EnqueueProblem;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.Fixtures;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.MissingInput;
import io.invoke4j.domain.queue.MissingInputs;
import io.invoke4j.domain.queue.NodeError;
import io.invoke4j.domain.queue.NodeOutput;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every real workflow (GUI exports, InvokeAI's own defaults, and the workflow the GUI embedded in a
 * recorded queue item) becomes a request the server accepts at enqueue, sent by invoke4j's client.
 * The server has no models, so the items then fail; invoke4j must report why, with the server's own
 * words, and name the node and field of what the server refuses at enqueue.
 *
 * <p>Prints a table (workflow, enqueue outcome, final status, error type, first line of the error
 * message) so a run documents what this server does with each workflow.
 */
class FixtureWorkflowsIT {

  private final InvokeAiServer server = InvokeAiServer.fromEnvironment();
  private final CreatedOnServer created = new CreatedOnServer(server);

  @AfterEach
  void cleanUp() {
    created.cleanUp();
  }

  /**
   * The fixtures this server refuses at enqueue whatever a client does, with the reason (checked
   * against the problems of invoke4j's {@link EnqueueRejectedException}: the server's {@code type}
   * and the last element of its {@code loc}, which invoke4j must name as the field).
   * Anything else answered 422 is a conformance bug in invoke4j.
   */
  private static final Map<String, Rejection> KNOWN_REJECTIONS = Map.of(
      // InvokeAI 6 replaced canny_image_processor by canny_edge_detection but still ships these
      // defaults; its GUI shows the node as unknown and will not invoke the workflow either.
      "invokeai-defaults/esrgan-upscaling-with-canny-controlnet.json",
      new Rejection("union_tag_invalid", null, "'canny_image_processor'"),
      "invokeai-defaults/face-detailer-with-ip-adapter-canny-see-note-in-details.json",
      new Rejection("union_tag_invalid", null, "'canny_image_processor'"),
      "invokeai-defaults/multi-controlnet-canny-depth.json",
      new Rejection("union_tag_invalid", null, "'canny_image_processor'"),
      // a required model field nobody chose (absent or null in the file), as the GUI would send it;
      // the GUI does not enqueue until a model is picked: see modelChosenIsAccepted below
      "invokeai-defaults/sd3-5-text-to-image.json", new Rejection("missing", "model", "Field required"),
      "invokeai-defaults/wan-2-2-text-to-image.json", new Rejection("missing", "model", "Field required"),
      "invokeai-defaults/image-to-video-wan-2-2-lightning.json",
      new Rejection("model_type", "model", "valid dictionary"),
      // the server opens file_path on its own disk while validating the request
      "invokeai-defaults/prompt-from-file.json",
      new Rejection("value_error", "file_path", "FileNotFoundError"));

  @Test
  void everyFixtureWorkflowIsAcceptedAtEnqueueAndItsFailureIsReported() throws IOException {
    Map<String, EnqueueRequest> payloads = new LinkedHashMap<>();
    Path workflows = Fixtures.root().resolve("workflows");
    for (Path file : Fixtures.workflows()) {
      payloads.put(workflows.relativize(file).toString(), payloadOf(WorkflowDefinition.fromFile(file)));
    }
    QueueItem recorded = HttpQueueGateway.readQueueItem(new ObjectMapper().readTree(
        Fixtures.read("queue-items/completed-sdxl-text-to-image.json")));
    payloads.put("queue-items/completed-sdxl-text-to-image.json#workflow",
        payloadOf(WorkflowDefinition.fromJsonNode(recorded.workflow().orElseThrow())));
    // the model-less server cannot run them, but with a model chosen they must get past enqueue
    for (String name : List.of("sd3-5-text-to-image", "wan-2-2-text-to-image",
        "image-to-video-wan-2-2-lightning")) {
      payloads.put("invokeai-defaults/" + name + ".json + fake model", payloadOf(withFakeModel(
          WorkflowDefinition.fromFile(workflows.resolve("invokeai-defaults/" + name + ".json")))));
    }
    assertThat(payloads).hasSize(Fixtures.workflows().size() + 4);

    List<Row> rows = new ArrayList<>();
    Map<Row, QueueItemId> itemOf = new LinkedHashMap<>();
    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, EnqueueRequest> payload : payloads.entrySet()) {
      EnqueueRequest request = payload.getValue();
      Row row = new Row(payload.getKey());
      row.predictedMissing = MissingInputs.find(request.workflow().orElseThrow());
      rows.add(row);
      try {
        EnqueueResult result = created.enqueued(server.queue().enqueue(request));
        row.enqueue = "enqueued";
        itemOf.put(row, result.itemIds().get(0));
        softly.assertThat(KNOWN_REJECTIONS).as(row.workflow + " is accepted now")
            .doesNotContainKey(row.workflow);
      } catch (EnqueueRejectedException e) {
        row.enqueue = "HTTP " + e.status();
        softly.assertThat(e.problems()).as("%s rejected: %s", row.workflow, e.getMessage())
            .isNotEmpty();
        if (e.problems().isEmpty()) {
          continue;
        }
        EnqueueProblem problem = e.problems().get(0);
        List<String> loc = problem.loc();
        String last = loc.isEmpty() ? "" : loc.get(loc.size() - 1);
        row.errorType = problem.type();
        row.errorMessage = firstLine(last + ": " + problem.message());
        Rejection known = KNOWN_REJECTIONS.get(row.workflow);
        softly.assertThat(known).as("%s rejected: %s", row.workflow, e.getMessage()).isNotNull();
        if (known != null) {
          softly.assertThat(e.status()).as(row.workflow).isEqualTo(422);
          softly.assertThat(row.errorType).as(row.workflow).isEqualTo(known.type());
          // invoke4j names the graph node the server points at ...
          softly.assertThat(problem.nodeId()).as(row.workflow + " problem node")
              .hasValueSatisfying(node -> assertThat(request.graph().nodes().has(node)).isTrue());
          if (known.field() != null) {
            softly.assertThat(last).as(row.workflow).isEqualTo(known.field());
            // ... and the field
            softly.assertThat(problem.field()).as(row.workflow + " problem field").contains(known.field());
          }
          softly.assertThat(problem.message()).as(row.workflow).contains(known.message());
          if ("model".equals(known.field())) {
            // an unchosen required model: invoke4j names it before sending
            softly.assertThat(row.predictedMissing).as(row.workflow + ": missing inputs before sending")
                .extracting(MissingInput::fieldName).contains("model");
          }
        }
      } catch (InvokeHttpException e) {
        row.enqueue = "HTTP " + e.status();
        softly.fail("%s rejected with HTTP %d: %s", row.workflow, e.status(), e.getMessage());
      }
    }

    List<QueueItem> done = server.awaitFinished(itemOf.values());
    int i = 0;
    for (Row row : itemOf.keySet()) {
      QueueItem item = created.imagesOf(done.get(i++));
      row.finalStatus = item.statusText();
      row.errorType = item.errorType().orElse("");
      row.errorMessage = firstLine(item.errorMessage().orElse(""));
      softly.assertThat(item.status()).as(row.workflow).isEqualTo(QueueItemStatus.FAILED);
      softly.assertThat(row.errorType).as(row.workflow + " error_type").isNotBlank();
      softly.assertThat(row.errorMessage).as(row.workflow + " error_message").isNotBlank();
      // invoke4j maps the failed node back to the graph's node and keeps the server's text
      List<NodeError> errors = OutputMapper.errors(item);
      JsonNode graphNodes = item.graph().path("nodes");
      softly.assertThat(errors).as(row.workflow + " node errors").isNotEmpty();
      for (NodeError error : errors) {
        softly.assertThat(graphNodes.has(error.nodeId())).as(row.workflow + " " + error).isTrue();
        softly.assertThat(error.message()).as(row.workflow + " " + error)
            .contains(row.errorType).contains(row.errorMessage.replace("...", ""));
      }
      row.nodeErrors = errors.size();
      // what the server reports missing at run time, invoke4j said before sending
      Matcher missing = MISSING_INPUT.matcher(row.errorMessage);
      if (row.errorType.equals("MissingInputException") && missing.find()) {
        softly.assertThat(row.predictedMissing)
            .as(row.workflow + ": invoke4j's missing inputs before sending")
            .extracting(MissingInput::nodeType, MissingInput::fieldName)
            .contains(tuple(missing.group(1), missing.group(2)));
        row.predicted = true;
      }
    }
    // the check above must have had something to check
    assertThat(rows.stream().filter(row -> row.predicted).count()).isGreaterThanOrEqualTo(5);
    System.out.println(table(rows));
    softly.assertAll();
  }

  @Test
  void copyImageWithAnUploadedImageCompletes() {
    BufferedImage source = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    source.setRGB(3, 4, 0xff8800);
    ImageName uploaded = server.uploadPng(Pixels.png(source), "invoke4j-e2e-copy.png").name();
    created.images.add(uploaded);
    WorkflowDefinition workflow =
        WorkflowDefinition.fromFile(Fixtures.file("workflows/gui-exported/copy-image.json"));
    WorkflowInput image = workflow.inputs().stream()
        .filter(input -> input.fieldName().equals("image")).findFirst().orElseThrow();

    EnqueueRequest request = payloadOf(workflow.withValue(image.index(), uploaded.value()));
    EnqueueResult result = created.enqueued(server.queue().enqueue(request));
    QueueItem item = created.imagesOf(server.awaitFinished(result.itemIds()).get(0));

    assertThat(item.status()).as("%s", item.errorMessage().orElse(""))
        .isEqualTo(QueueItemStatus.COMPLETED);
    List<NodeOutput> outputs = OutputMapper.map(item);
    assertThat(outputs).singleElement().satisfies(output -> {
      assertThat(output.nodeId()).isEqualTo(image.nodeId());
      assertThat(output.imageNames()).hasSize(1).doesNotContain(uploaded);
    });
  }

  private static EnqueueRequest payloadOf(WorkflowDefinition workflow) {
    return EnqueueRequest.forWorkflow(workflow.json())
        .origin("invoke4j-e2e").destination("invoke4j-e2e").build();
  }

  /**
   * The workflow with its first required-model input (the loader's {@code model}) set to a model
   * identifier of the right shape that no server has.
   */
  private static WorkflowDefinition withFakeModel(WorkflowDefinition workflow) {
    WorkflowInput model = workflow.inputs().stream()
        .filter(input -> input.fieldName().equals("model") && input.nodeType().endsWith("_model_loader"))
        .findFirst().orElseThrow(() -> new AssertionError("no model input in " + workflow));
    String base = model.nodeType().startsWith("sd3") ? "sd-3" : "wan";
    return workflow.withValue(model.index(), Map.of("key", "invoke4j-e2e-no-such-model",
        "hash", "blake3:none", "name", "no such model", "base", base, "type", "main"));
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }

  private static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder(String.format(
        "%n| workflow | enqueue | final | node errors | error_type | error_message (first line) |%n"
            + "|---|---|---|---|---|---|%n"));
    for (Row row : rows) {
      out.append(String.format("| %s | %s | %s | %d | %s | %s |%n", row.workflow, row.enqueue,
          row.finalStatus, row.nodeErrors, row.errorType, row.errorMessage.replace("|", "\\|")));
    }
    return out.toString();
  }

  /** InvokeAI 6.14: {@code Node save_image missing value or connection for field image}. */
  private static final Pattern MISSING_INPUT =
      Pattern.compile("Node (\\S+) missing value or connection for field (\\S+)");

  /** Why the server refuses a fixture: 422 detail type, last loc element (or any), msg part. */
  private record Rejection(String type, String field, String message) {}

  /** One line of the report. */
  private static final class Row {
    final String workflow;
    String enqueue = "-";
    String finalStatus = "-";
    String errorType = "";
    String errorMessage = "";
    int nodeErrors;
    List<MissingInput> predictedMissing = List.of();
    boolean predicted;

    Row(String workflow) {
      this.workflow = workflow;
    }
  }
}
