package io.invoke4j.domain.workflow;

import static io.invoke4j.domain.workflow.GuiWorkflow.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cases of the GUI's {@code store/util/validateConnection.test.ts} on workflows of our own: the
 * edge under test is the workflow's last, the edges before it are those the GUI test passes as
 * already there, and the load (with the 6.14.2 templates, as the GUI connected to that server)
 * keeps it or removes it with the GUI's reason. Method names follow the upstream {@code it(...)}.
 */
class GuiParityValidateConnectionTest {

  private static Optional<String> last(GuiWorkflow wf) {
    return refusal(wf.load(), wf.lastEdge());
  }

  /** For the collect-chaining cases: see {@link GuiWorkflow#WITH_COLLECT_CHAINING}. */
  private static Optional<String> lastChained(GuiWorkflow wf) {
    return refusal(wf.load(GuiWorkflow.WITH_COLLECT_CHAINING), wf.lastEdge());
  }

  @Test
  void rejectsConnectionToSelf() {
    GuiWorkflow wf = new GuiWorkflow().node("add", "add").edge("add", "value", "add", "a");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("a node cannot connect to itself"));
  }

  @Test
  void rejectsMissingSourceNode() {
    GuiWorkflow wf = new GuiWorkflow().node("n2", "sub").edge("n1", "value", "n2", "a");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("no node with id \"n1\""));
  }

  @Test
  void rejectsMissingTargetNode() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").edge("n1", "value", "n2", "a");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("no node with id \"n2\""));
  }

  @Test
  void rejectsMissingSourceTemplate() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "not_a_node").node("n2", "sub").edge("n1", "value", "n2", "a");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("no template for node n1 (not_a_node)"));
  }

  @Test
  void rejectsMissingTargetTemplate() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "not_a_node").edge("n1", "value", "n2", "a");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("no template for node n2 (not_a_node)"));
  }

  @Test
  void rejectsMissingSourceFieldTemplate() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "sub").edge("n1", "invalid", "n2", "a");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("source node n1 has no output invalid"));
  }

  @Test
  void rejectsMissingTargetFieldTemplate() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "sub").edge("n1", "value", "n2", "invalid");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("target node n2 has no input invalid"));
  }

  @Test
  void acceptsConnectionsToDynamicSavedWorkflowInputFields() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("call", "call_saved_workflow");
    ObjectNode template = wf.data("call").putObject("dynamicInputTemplates")
        .putObject("saved_workflow_input::node-1::a");
    template.put("name", "saved_workflow_input::node-1::a").put("title", "Left Addend").put("input", "any")
        .put("fieldKind", "input").put("required", false);
    template.putObject("type").put("name", "IntegerField").put("cardinality", "SINGLE").put("batch", false);
    wf.value("call", "saved_workflow_input::node-1::a", JsonNodeFactory.instance.numberNode(23))
        .edge("n1", "value", "call", "saved_workflow_input::node-1::a");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void acceptsASingleWorkflowReturnValueConnectedDirectlyToWorkflowReturnValues() {
    GuiWorkflow wf = new GuiWorkflow().node("v", "workflow_return_value").node("r", "workflow_return")
        .edge("v", "value", "r", "values");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void acceptsNonDuplicateConnections() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "sub").edge("n1", "value", "n2", "a");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void rejectsDuplicateConnections() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "sub").edge("n1", "value", "n2", "a")
        .edge("n1", "value", "n2", "a");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("duplicate connection"));
  }

  @Test
  void rejectsConnectionToDirectInput() {
    // image_collection.images is a direct input in 6.14.2 (the GUI test makes add.a direct instead)
    GuiWorkflow wf = new GuiWorkflow().node("n1", "image").node("n2", "image_collection")
        .edge("n1", "image", "n2", "images");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("cannot connect to direct input images"));
  }

  @Test
  void rejectsConnectionToACollectNodeWithMismatchedItemTypes() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "collect").node("n3", "main_model_loader")
        .edge("n1", "value", "n2", "item").edge("n3", "vae", "n2", "item");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("cannot mix and match collection item types"));
  }

  @Test
  void acceptsConnectionToACollectNodeWithMatchingItemTypes() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "collect").node("n3", "sub")
        .edge("n1", "value", "n2", "item").edge("n3", "value", "n2", "item");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void acceptsChainingCollectCollectionOutputToCollectCollectionInput() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "collect").node("n2", "collect")
        .edge("n1", "collection", "n2", "collection");
    assertThat(lastChained(wf)).isEmpty();
  }

  @Test
  void rejectsMultipleConnectionsToCollectCollectionInput() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "collect").node("n2", "collect").node("n3", "collect")
        .edge("n1", "collection", "n2", "collection").edge("n3", "collection", "n2", "collection");
    assertThat(lastChained(wf)).hasValueSatisfying(r -> assertThat(r).contains("input may only have one connection"));
  }

  @Test
  void rejectsMismatchedItemConnectionWhenCollectIsTypedViaChainedCollection() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "collect").node("n3", "collect")
        .node("n4", "main_model_loader").edge("n1", "value", "n2", "item").edge("n2", "collection", "n3", "collection")
        .edge("n4", "vae", "n3", "item");
    assertThat(lastChained(wf)).hasValueSatisfying(r -> assertThat(r).contains("cannot mix and match collection item types"));
  }

  @Test
  void rejectsChainingCollectionToCollectionForDifferentlyTypedCollects() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "img_resize").node("n3", "collect")
        .node("n4", "collect").edge("n1", "value", "n3", "item").edge("n2", "image", "n4", "item")
        .edge("n3", "collection", "n4", "collection");
    assertThat(lastChained(wf)).hasValueSatisfying(r -> assertThat(r).contains("cannot mix and match collection item types"));
  }

  @Test
  void rejectsConnectionsToTargetFieldThatIsAlreadyConnected() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "add").node("n3", "add")
        .edge("n1", "value", "n2", "a").edge("n3", "value", "n2", "a");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("input may only have one connection"));
  }

  @Test
  void rejectsConnectionsBetweenInvalidTypes() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "img_resize").edge("n1", "value", "n2", "image");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("field types must match"));
  }

  @Test
  void rejectsMismatchedTypesBetweenIfNodeBranchInputs() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "img_resize").node("n3", "if")
        .edge("n1", "value", "n3", "true_input").edge("n2", "image", "n3", "false_input");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("field types must match"));
  }

  @Test
  void rejectsMismatchedTypesBetweenIfNodeBranchInputsRegardlessOfBranchOrder() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "img_resize").node("n3", "if")
        .edge("n1", "value", "n3", "false_input").edge("n2", "image", "n3", "true_input");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("field types must match"));
  }

  @Test
  void acceptsConvertibleTypesBetweenIfNodeBranchInputs() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "sub").node("n3", "if")
        .edge("n1", "value", "n3", "true_input").edge("n2", "value", "n3", "false_input");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void acceptsOneWayConvertibleTypesBetweenIfNodeBranchInputsInEitherConnectionOrder() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "float").node("n3", "if")
        .edge("n1", "value", "n3", "false_input").edge("n2", "value", "n3", "true_input");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void acceptsSingleAndCollectionOfTheSameTypeBetweenIfNodeBranchInputs() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "integer_collection").node("n3", "if")
        .edge("n1", "value", "n3", "true_input").edge("n2", "collection", "n3", "false_input");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void acceptsIfOutputToCollectionInputWhenBothIfBranchInputsAreCollectionsOfMatchingType() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "integer_collection").node("n2", "integer_collection")
        .node("n3", "if").node("n4", "iterate").edge("n1", "collection", "n3", "true_input")
        .edge("n2", "collection", "n3", "false_input").edge("n3", "value", "n4", "collection");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void rejectsIfOutputToCollectionInputWhenIfBranchInputsAreNotBothCollectionCompatible() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "integer_collection").node("n3", "if")
        .node("n4", "iterate").edge("n1", "value", "n3", "true_input").edge("n2", "collection", "n3", "false_input")
        .edge("n3", "value", "n4", "collection");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("field types must match"));
  }

  @Test
  void rejectsConnectionsThatWouldCreateCycles() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "sub").edge("n1", "value", "n2", "a")
        .edge("n2", "value", "n1", "a");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("connection would create a cycle"));
  }

  // ---- connectors

  @Test
  void acceptsInvocationOutputToConnectorInput() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").connector("c").edge("n1", "value", "c", "in");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void rejectsASecondInputIntoAConnector() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "sub").connector("c")
        .edge("n1", "value", "c", "in").edge("n2", "value", "c", "in");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("input may only have one connection"));
  }

  @Test
  void acceptsConnectorOutputToInvocationInputWhenTheUpstreamTypeMatches() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").connector("c").node("n2", "sub")
        .edge("n1", "value", "c", "in").edge("c", "out", "n2", "a");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void rejectsConnectorOutputToInvocationInputWhenTheUpstreamTypeMismatches() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").connector("c").node("n2", "img_resize")
        .edge("n1", "value", "c", "in").edge("c", "out", "n2", "image");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("field types must match"));
  }

  @Test
  void acceptsUnresolvedConnectorOutputToATypedInvocationInputAsTheFirstDownstreamConstraint() {
    GuiWorkflow wf = new GuiWorkflow().connector("c").node("n2", "sub").edge("c", "out", "n2", "a");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void rejectsUnresolvedConnectorOutputWhenItConflictsWithAnExistingDownstreamTypedConstraint() {
    GuiWorkflow wf = new GuiWorkflow().connector("c").node("n1", "sub").node("n2", "img_resize")
        .edge("c", "out", "n1", "a").edge("c", "out", "n2", "image");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("field types must match"));
  }

  @Test
  void rejectsConnectingAnIncompatibleUpstreamSourceIntoAConnectorWithDownstreamTypedConstraints() {
    GuiWorkflow wf = new GuiWorkflow().node("src", "main_model_loader").connector("c").node("t", "sub")
        .edge("c", "out", "t", "a").edge("src", "vae", "c", "in");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("field types must match"));
  }

  @Test
  void preservesTypeInformationThroughChainedConnectors() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").connector("ca").connector("cb").node("n2", "sub")
        .edge("n1", "value", "ca", "in").edge("ca", "out", "cb", "in").edge("cb", "out", "n2", "a");
    assertThat(last(wf)).isEmpty();
  }

  @Test
  void rejectsCyclesRoutedThroughConnectors() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "sub").connector("c")
        .edge("n1", "value", "c", "in").edge("c", "out", "n2", "a").edge("n2", "value", "n1", "a");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("connection would create a cycle"));
  }

  @Test
  void preservesCollectItemValidationThroughConnectors() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "collect").node("n3", "main_model_loader")
        .connector("c").edge("n1", "value", "n2", "item").edge("n3", "vae", "c", "in").edge("c", "out", "n2", "item");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("cannot mix and match collection item types"));
  }

  @Test
  void preservesIfBranchValidationThroughConnectors() {
    GuiWorkflow wf = new GuiWorkflow().node("n1", "add").node("n2", "img_resize").node("n3", "if").connector("c")
        .edge("n1", "value", "c", "in").edge("c", "out", "n3", "true_input").edge("n2", "image", "n3", "false_input");
    assertThat(last(wf)).hasValueSatisfying(r -> assertThat(r).contains("field types must match"));
  }

  @Test
  void rejectsConnectionsFromSelfToSelfAndCyclesWhateverTheMode() {
    // the GUI's non-strict mode (while dragging) still refuses these two; a load is always strict
    assertThat(last(new GuiWorkflow().node("add", "add").edge("add", "value", "add", "a"))).isPresent();
    assertThat(last(new GuiWorkflow().node("n1", "add").node("n2", "sub").edge("n1", "value", "n2", "a")
        .edge("n2", "value", "n1", "a"))).isPresent();
  }
}
