package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.field.BuiltInNodes;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowEdge;
import io.invoke4j.domain.workflow.WorkflowNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The required inputs a workflow leaves empty: what the GUI flags before it lets you invoke (its
 * {@code fieldValidators.ts}: a required field that is neither connected nor valued), here for
 * InvokeAI's built-in nodes (required = the schema's {@code orig_required}, from
 * {@link BuiltInNodes}). The server accepts such a request and fails the run with a
 * {@code MissingInputException} or rejects it at enqueue (a required model field), so knowing before
 * sending saves a round trip. Custom nodes are not checked.
 */
public final class MissingInputs {
  private MissingInputs() {}

  /**
   * The empty required inputs of every executable node, in node order then field name.
   *
   * @param workflow the GUI's workflow JSON (not changed)
   * @throws io.invoke4j.domain.workflow.WorkflowFormatException if it is not a workflow the GUI would load
   */
  public static List<MissingInput> find(JsonNode workflow) {
    return find(WorkflowDefinition.fromJsonNode(workflow));
  }

  /** The empty required inputs of every executable node, in node order then field name. */
  public static List<MissingInput> find(WorkflowDefinition workflow) {
    return find(workflow, BuiltInNodes.shipped());
  }

  static List<MissingInput> find(WorkflowDefinition workflow, BuiltInNodes table) {
    Set<String> connected = new HashSet<>();
    for (WorkflowEdge edge : workflow.edges()) {
      if (edge.isConnection()) {
        // any connection counts, also from a batch node or through a connector, as in the GUI
        connected.add(edge.target() + '\u0000' + edge.targetHandle().orElseThrow());
      }
    }
    List<MissingInput> missing = new ArrayList<>();
    for (WorkflowNode node : workflow.nodes()) {
      if (!WorkflowView.isExecutable(node)) {
        continue;
      }
      JsonNode inputs = node.json().path("data").path("inputs");
      for (String field : table.requiredFields(node.type())) {
        JsonNode value = inputs.path(field).get("value");
        boolean valued = value != null && !value.isNull();
        if (!valued && !connected.contains(node.id() + '\u0000' + field)) {
          missing.add(MissingInput.builder().nodeId(node.id()).nodeType(node.type())
              .nodeName(node.displayName()).fieldName(field).build());
        }
      }
    }
    return missing;
  }
}
