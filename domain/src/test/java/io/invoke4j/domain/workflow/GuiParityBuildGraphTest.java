package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.MissingInput;
import io.invoke4j.domain.queue.MissingInputs;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cases of the GUI's {@code util/graph/buildNodesGraph.test.ts}, {@code
 * util/workflow/buildWorkflow.test.ts} and {@code store/util/fieldValidators.test.ts} that
 * {@code GraphBuilderTest} does not already hold, on workflows of our own loaded with the 6.14.2
 * templates and built as the GUI builds the request.
 */
class GuiParityBuildGraphTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static EnqueueRequest request(WorkflowDefinition wf) {
    return EnqueueRequest.forWorkflow(wf).graphIds(() -> "g").build();
  }

  private static List<String> edges(EnqueueRequest request) {
    List<String> edges = new ArrayList<>();
    for (JsonNode e : request.graph().edges()) {
      edges.add(e.at("/source/node_id").asText() + "." + e.at("/source/field").asText() + "->"
          + e.at("/destination/node_id").asText() + "." + e.at("/destination/field").asText());
    }
    return edges;
  }

  /** A call_saved_workflow node with one dynamic integer input, as the GUI makes it. */
  private static GuiWorkflow callWithDynamicInput(GuiWorkflow wf, String id, String field) {
    wf.node(id, "call_saved_workflow");
    ObjectNode template = wf.data(id).putObject("dynamicInputTemplates").putObject(field);
    template.put("name", field).put("title", "Left Addend").put("input", "any").put("fieldKind", "input")
        .put("required", false);
    template.putObject("type").put("name", "IntegerField").put("cardinality", "SINGLE").put("batch", false);
    return wf.value(id, field, F.numberNode(23));
  }

  @Test
  void fansOutThroughAConnectorIntoMultipleExecutionEdges() {
    WorkflowDefinition wf = new GuiWorkflow().node("src", "add").connector("c").node("t1", "sub").node("t2", "sub")
        .edge("src", "value", "c", "in").edge("c", "out", "t1", "a").edge("c", "out", "t2", "b").load();

    assertThat(edges(request(wf))).containsExactly("src.value->t1.a", "src.value->t2.b");
    assertThat(request(wf).graph().nodes().has("c")).isFalse();
  }

  @Test
  void stillOmitsExplicitDestinationInputValuesWhenTheFlattenedEdgeExists() {
    WorkflowDefinition wf = new GuiWorkflow().node("src", "add").node("t", "sub").connector("c")
        .value("t", "a", F.numberNode(41)).edge("src", "value", "c", "in").edge("c", "out", "t", "a").load();

    EnqueueRequest request = request(wf);

    assertThat(edges(request)).containsExactly("src.value->t.a");
    assertThat(request.graph().nodes().path("t").has("a")).isFalse();
  }

  @Test
  void doesNotSerializeAStaleArrayOfRecordsOnAConnectionOnlyInputOfANonExtraNode() {
    ObjectNode stale = F.objectNode().put("foo", "bar");
    WorkflowDefinition wf = new GuiWorkflow().node("img_resize-1", "img_resize")
        .value("img_resize-1", "metadata", F.arrayNode().add(stale)).load();

    assertThat(wf.node("img_resize-1").orElseThrow().json().at("/data/inputs/metadata").has("value")).isFalse();
    assertThat(request(wf).graph().nodes().path("img_resize-1").has("metadata")).isFalse();
  }

  @Test
  void serializesDynamicSavedWorkflowInputsIntoWorkflowInputs() {
    WorkflowDefinition wf = callWithDynamicInput(new GuiWorkflow(), "call", "saved_workflow_input::node-1::a")
        .value("call", "workflow_id", F.textNode("")).load();

    JsonNode call = request(wf).graph().nodes().path("call");
    assertThat(call.path("workflow_id").asText()).isEmpty();
    assertThat(call.path("workflow_inputs")).isEqualTo(F.objectNode().put("saved_workflow_input::node-1::a", 23));
  }

  @Test
  void omitsConnectedDynamicSavedWorkflowLiteralValuesWhilePreservingTheEdge() {
    WorkflowDefinition wf = callWithDynamicInput(new GuiWorkflow().node("src", "add"), "call",
        "saved_workflow_input::node-1::a").edge("src", "value", "call", "saved_workflow_input::node-1::a").load();

    EnqueueRequest request = request(wf);
    assertThat(request.graph().nodes().path("call").path("workflow_inputs")).isEqualTo(F.objectNode());
    assertThat(edges(request)).containsExactly("src.value->call.saved_workflow_input::node-1::a");
  }

  @Test
  void persistsTheSelectedWorkflowIdForCallSavedWorkflowNodesInTheEmbeddedWorkflow() {
    WorkflowDefinition wf = new GuiWorkflow().node("call", "call_saved_workflow")
        .value("call", "workflow_id", F.textNode("workflow-123")).load();

    JsonNode embedded = request(wf).workflow().orElseThrow();
    assertThat(embedded.at("/nodes/0/data/type").asText()).isEqualTo("call_saved_workflow");
    assertThat(embedded.at("/nodes/0/data/inputs/workflow_id/value").asText()).isEqualTo("workflow-123");
  }

  @Test
  void doesNotReportMissingFieldTemplatesForDynamicSavedWorkflowInputs() {
    WorkflowDefinition wf = callWithDynamicInput(new GuiWorkflow(), "call", "saved_workflow_input::node-1::a")
        .value("call", "workflow_id", F.textNode("wf-1")).load();

    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).doesNotContain(Kind.MISSING_FIELD_TEMPLATE);
    assertThat(MissingInputs.find(wf)).extracting(MissingInput::fieldName)
        .doesNotContain("saved_workflow_input::node-1::a");
  }
}
