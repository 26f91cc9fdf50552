package io.invoke4j.domain.queue;

import static io.invoke4j.domain.queue.WorkflowView.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.field.BuiltInNodes;
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
   */
  public static List<MissingInput> find(JsonNode workflow) {
    return find(workflow, BuiltInNodes.shipped());
  }

  static List<MissingInput> find(JsonNode workflow, BuiltInNodes table) {
    WorkflowView view = new WorkflowView(workflow);
    Set<String> connected = new HashSet<>();
    for (JsonNode edge : view.edges()) {
      if (WorkflowView.isDefaultEdge(edge)) {
        // any connection counts, also from a batch node or through a connector, as in the GUI
        connected.add(text(edge, "target") + '\u0000' + text(edge, "targetHandle"));
      }
    }
    List<MissingInput> missing = new ArrayList<>();
    for (JsonNode node : view.nodes()) {
      if (!WorkflowView.isExecutable(node)) {
        continue;
      }
      String id = text(node, "id");
      String type = WorkflowView.invocationType(node);
      JsonNode data = node.path("data");
      for (String field : table.requiredFields(type)) {
        JsonNode value = data.path("inputs").path(field).get("value");
        boolean valued = value != null && !value.isNull();
        if (!valued && !connected.contains(id + '\u0000' + field)) {
          String label = text(data, "label");
          missing.add(MissingInput.builder().nodeId(id).nodeType(type)
              .nodeName(label == null || label.isBlank() ? type : label).fieldName(field).build());
        }
      }
    }
    return missing;
  }
}
