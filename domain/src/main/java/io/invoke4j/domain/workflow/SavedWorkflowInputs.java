package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.field.FieldTemplate;
import io.invoke4j.domain.field.NodeTemplates;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The GUI's refresh of a {@code call_saved_workflow} node's dynamic inputs when it opens a workflow
 * ({@code refreshCallSavedWorkflowDynamicInputs} in {@code validateWorkflow.ts}, with
 * {@code getSavedWorkflowDynamicFields}): the inputs are the saved workflow's form fields as they
 * are now, so inputs the saved workflow no longer exposes go, new ones come with the saved value,
 * and one whose type changed is rebuilt. It runs before edges are checked, so an edge to a dynamic
 * input that is gone is then removed like any other.
 */
final class SavedWorkflowInputs {
  private static final String NODE_TYPE = "call_saved_workflow";

  /** One field the saved workflow exposes, as the caller sees it. */
  private record Dynamic(String name, JsonNode template, String label, String description, JsonNode value) {}

  private SavedWorkflowInputs() {}

  /**
   * Refreshes every {@code call_saved_workflow} node of {@code root} (changed in place) from the
   * saved workflow {@code savedWorkflows} returns for its id (empty: not retrievable).
   */
  static List<LoadWarning> refresh(ObjectNode root, NodeTemplates templates,
      Function<String, Optional<JsonNode>> savedWorkflows) {
    List<LoadWarning> warnings = new ArrayList<>();
    for (JsonNode node : root.path("nodes")) {
      JsonNode data = node.path("data");
      if (!node.path("type").asText().equals("invocation") || !data.path("type").asText().equals(NODE_TYPE)
          || !data.path("inputs").isObject()) {
        continue;
      }
      String nodeId = node.path("id").asText();
      String workflowId = data.path("inputs").path("workflow_id").path("value").asText("");
      if (workflowId.isEmpty()) {
        continue;
      }
      Optional<JsonNode> saved = savedWorkflows.apply(workflowId);
      if (saved.isEmpty()) {
        // the GUI toasts "problem retrieving workflow" and leaves the node as the file has it
        warnings.add(LoadWarning.builder().kind(Kind.SAVED_WORKFLOW_UNAVAILABLE).nodeId(nodeId)
            .fieldName("workflow_id").message("node " + nodeId + " (" + NODE_TYPE + "): saved workflow "
                + workflowId + " could not be retrieved; its inputs were not refreshed").build());
        continue;
      }
      List<String> changes = apply((ObjectNode) data, fields(saved.get(), templates));
      if (!changes.isEmpty()) {
        warnings.add(LoadWarning.builder().kind(Kind.DYNAMIC_INPUTS_REFRESHED).nodeId(nodeId)
            .message("node " + nodeId + " (" + NODE_TYPE + ") inputs refreshed from saved workflow " + workflowId
                + ": " + String.join(", ", changes)).build());
      }
    }
    return warnings;
  }

  private static List<String> apply(ObjectNode data, List<Dynamic> fields) {
    ObjectNode inputs = (ObjectNode) data.get("inputs");
    if (!data.path("dynamicInputTemplates").isObject()) {
      data.set("dynamicInputTemplates", JsonNodeFactory.instance.objectNode());
    }
    ObjectNode templates = (ObjectNode) data.get("dynamicInputTemplates");
    Set<String> next = new HashSet<>();
    fields.forEach(f -> next.add(f.name()));
    List<String> changes = new ArrayList<>();
    for (Iterator<String> it = inputs.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (name.startsWith(WorkflowLoad.DYNAMIC_PREFIX) && !next.contains(name)) {
        it.remove();
        templates.remove(name);
        changes.add("removed " + name);
      }
    }
    for (Dynamic field : fields) {
      JsonNode before = templates.get(field.name());
      templates.set(field.name(), field.template());
      ObjectNode existing = inputs.path(field.name()).isObject() ? (ObjectNode) inputs.get(field.name()) : null;
      if (existing != null && before != null && before.path("type").equals(field.template().path("type"))) {
        existing.put("label", field.label());
        existing.put("description", field.description());
        continue;
      }
      ObjectNode instance = JsonNodeFactory.instance.objectNode();
      instance.put("name", field.name());
      instance.put("label", field.label());
      instance.put("description", field.description());
      if (field.value() != null && !field.value().isMissingNode() && !field.value().isNull()) {
        instance.set("value", field.value().deepCopy());
      }
      inputs.set(field.name(), instance);
      changes.add((existing == null ? "added " : "rebuilt (type changed) ") + field.name());
    }
    return changes;
  }

  /** {@code getSavedWorkflowDynamicFields}: the stateful node fields of the saved form, in form order. */
  private static List<Dynamic> fields(JsonNode saved, NodeTemplates templates) {
    Map<String, JsonNode> nodes = new LinkedHashMap<>();
    for (JsonNode node : saved.path("nodes")) {
      nodes.putIfAbsent(node.path("data").path("id").asText(), node);
    }
    List<Dynamic> fields = new ArrayList<>();
    for (String[] ref : formFields(saved, nodes, templates)) {
      JsonNode node = nodes.get(ref[0]);
      JsonNode field = node == null ? null : node.path("data").path("inputs").get(ref[1]);
      Optional<FieldTemplate> template = node == null ? Optional.empty()
          : templates.field(node.path("data").path("type").asText(), ref[1]);
      if (field == null || template.isEmpty() || !FieldTemplate.isStateful(template.get().typeName())) {
        continue;
      }
      String name = WorkflowLoad.DYNAMIC_PREFIX + ref[0] + "::" + ref[1];
      String label = firstNonEmpty(field.path("label").asText(""), template.get().title(), ref[1]);
      String description = firstNonEmpty(field.path("description").asText(""), template.get().description(), "");
      fields.add(new Dynamic(name, dynamicTemplate(name, template.get(), label, description, fields.size()), label,
          description, field.get("value")));
    }
    return fields;
  }

  /**
   * {@code getRenderableWorkflowForm}: a stored form that is not empty, with the exposed fields it
   * lacks appended; else the exposed fields.
   */
  private static List<String[]> formFields(JsonNode saved, Map<String, JsonNode> nodes, NodeTemplates templates) {
    List<String[]> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    JsonNode form = saved.path("form");
    JsonNode elements = form.path("elements");
    visit(elements, form.path("rootElementId").asText(""), fields, seen, new HashSet<>());
    for (JsonNode exposed : saved.path("exposedFields")) {
      String nodeId = exposed.path("nodeId").asText("");
      String fieldName = exposed.path("fieldName").asText("");
      JsonNode node = nodes.get(nodeId);
      if (node != null && templates.field(node.path("data").path("type").asText(), fieldName).isPresent()
          && seen.add(nodeId + "." + fieldName)) {
        fields.add(new String[] {nodeId, fieldName});
      }
    }
    return fields;
  }

  private static void visit(JsonNode elements, String id, List<String[]> fields, Set<String> seen, Set<String> visited) {
    JsonNode element = elements.path(id);
    if (!element.isObject() || !visited.add(id)) {
      return;
    }
    if (element.path("type").asText().equals("node-field")) {
      JsonNode ref = element.path("data").path("fieldIdentifier");
      String nodeId = ref.path("nodeId").asText("");
      String fieldName = ref.path("fieldName").asText("");
      if (seen.add(nodeId + "." + fieldName)) {
        fields.add(new String[] {nodeId, fieldName});
      }
    }
    for (JsonNode child : element.path("data").path("children")) {
      visit(elements, child.asText(), fields, seen, visited);
    }
  }

  /** {@code cloneDynamicFieldTemplate}: the field's template, renamed, fed by anything, shown. */
  private static JsonNode dynamicTemplate(String name, FieldTemplate template, String label, String description,
      int order) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("name", name);
    json.put("title", label);
    json.put("description", description);
    json.put("fieldKind", "input");
    json.put("input", "any");
    json.put("required", template.required());
    json.put("ui_hidden", false);
    json.put("ui_order", order);
    ObjectNode type = json.putObject("type");
    type.put("name", template.typeName());
    type.put("cardinality", template.cardinality().name());
    type.put("batch", template.batch());
    template.defaultValue().ifPresent(v -> json.set("default", v.deepCopy()));
    return json;
  }

  private static String firstNonEmpty(String... values) {
    for (String value : values) {
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return "";
  }
}
