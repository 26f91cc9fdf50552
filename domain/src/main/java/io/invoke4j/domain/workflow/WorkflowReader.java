package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.invoke4j.domain.field.FieldContext;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldTyper;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.field.FieldValues;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a workflow tree and discovers its inputs the way the GUI does (frontend
 * {@code features/nodes/util/workflow/validateWorkflow.ts}, {@code migrations.ts},
 * {@code types/workflow.ts}). Every check throws {@link WorkflowFormatException} naming the path.
 */
final class WorkflowReader {
  private static final Pattern SEMVER = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})");
  private static final String WORKFLOW_RETURN = "workflow_return";
  private static final Set<String> NODE_KINDS = Set.of("invocation", "notes", "connector");
  private static final Set<String> ELEMENT_TYPES = Set.of("container", "node-field", "heading", "text", "divider");
  private static final Set<String> NUMBER_COMPONENTS = Set.of("number-input", "slider", "number-input-and-slider");
  private static final Set<String> STRING_COMPONENTS = Set.of("input", "textarea", "dropdown");

  /** What a read yields; {@code inputNodeIndexes.get(i)} is the node index of input i. */
  record Result(String name, String schemaVersion, Optional<String> id, List<WorkflowNode> nodes,
      List<WorkflowEdge> edges, List<WorkflowInput> inputs, List<Integer> inputNodeIndexes,
      List<LoadWarning> warnings) {}

  private final JsonNode root;
  private final FieldTyper typer;
  private final List<LoadWarning> warnings = new ArrayList<>();
  private final Map<String, Integer> nodeIndexById = new HashMap<>();

  private WorkflowReader(JsonNode root, FieldTyper typer) {
    this.root = root;
    this.typer = typer;
  }

  static Result read(JsonNode root, FieldTyper typer) {
    try {
      return new WorkflowReader(root, typer).read();
    } catch (WorkflowFormatException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // a tree we did not foresee must still fail as a format problem, never as an NPE
      throw new WorkflowFormatException("$", "unreadable workflow: " + e, e);
    }
  }

  private Result read() {
    if (!root.isObject()) {
      throw new WorkflowFormatException("$", "expected a JSON object, got " + kindOf(root));
    }
    String version = schemaVersion();
    boolean v1 = version.startsWith("1.");
    String name = optionalText(root, "name", "$").orElse("");
    Optional<String> id = optionalText(root, "id", "$").filter(s -> !s.isEmpty());
    nodes(v1);
    List<WorkflowEdge> edges = edges(v1);
    List<JsonNode> exposed = exposedFields();
    List<Ref> refs = formRefs().orElseGet(() -> exposedRefs(exposed));
    List<WorkflowNode> nodes = typedNodes(refs);
    List<WorkflowInput> inputs = new ArrayList<>();
    List<Integer> nodeIndexes = new ArrayList<>();
    for (Ref ref : refs) {
      Integer nodeIndex = nodeIndexById.get(ref.nodeId);
      JsonNode node = nodeIndex == null ? null : root.get("nodes").get(nodeIndex);
      JsonNode field = node == null || !"invocation".equals(node.get("type").asText())
          ? null : node.get("data").get("inputs").get(ref.fieldName);
      if (field == null) {
        // the GUI drops such form elements and exposed fields (validateWorkflow.ts) with a warning
        warnings.add(LoadWarning.builder().kind(LoadWarning.Kind.FORM_FIELD_DROPPED).nodeId(ref.nodeId)
            .fieldName(ref.fieldName).message(ref.path + ": dropped: no invocation node \"" + ref.nodeId
                + "\" with input \"" + ref.fieldName + "\"").build());
        continue;
      }
      inputs.add(input(inputs.size(), ref, nodeIndex, node, field));
      nodeIndexes.add(nodeIndex);
    }
    return new Result(name, version, id, nodes, edges, List.copyOf(inputs), List.copyOf(nodeIndexes),
        List.copyOf(warnings));
  }

  // ---------------------------------------------------------------- top level, nodes, edges

  private String schemaVersion() {
    JsonNode meta = root.get("meta");
    if (meta == null || !meta.isObject()) {
      throw new WorkflowFormatException("$.meta.version", "missing (the schema version is required)");
    }
    JsonNode version = meta.get("version");
    if (version == null || !version.isTextual()) {
      throw new WorkflowFormatException("$.meta.version", "missing or not a string");
    }
    Matcher m = SEMVER.matcher(version.asText());
    if (!m.matches()) {
      throw new WorkflowFormatException("$.meta.version", "not a semantic version: " + FieldValues.show(version));
    }
    int major = Integer.parseInt(m.group(1));
    if (major < 1 || major > 4) {
      throw new WorkflowFormatException("$.meta.version",
          "unsupported schema version " + version.asText() + " (supported: 1.x to 4.x)");
    }
    return version.asText();
  }

  private void nodes(boolean v1) {
    JsonNode nodes = root.get("nodes");
    if (nodes == null && v1) {
      return; // schema 1.0.0 defaults missing nodes, edges and exposedFields to []
    }
    requireArray(nodes, "$.nodes");
    int firstReturn = -1;
    for (int i = 0; i < nodes.size(); i++) {
      String path = JsonPaths.index("$.nodes", i);
      JsonNode node = nodes.get(i);
      requireObject(node, path);
      String id = requireText(node, "id", path);
      String kind = requireText(node, "type", path);
      if (!NODE_KINDS.contains(kind)) {
        throw new WorkflowFormatException(path + ".type",
            "unknown node type \"" + kind + "\" (expected invocation, notes or connector)");
      }
      JsonNode data = node.get("data");
      requireObject(data, path + ".data");
      optionalText(data, "label", path + ".data");
      if (kind.equals("invocation")) {
        String type = requireText(data, "type", path + ".data");
        if (type.equals(WORKFLOW_RETURN)) {
          // zWorkflowV3's refinement: the GUI refuses to load such a workflow, and its
          // buildWorkflowWithValidation gives no workflow to embed when one is built
          if (firstReturn >= 0) {
            throw new WorkflowFormatException(path + ".data.type", "a workflow may not contain more than one "
                + WORKFLOW_RETURN + " node (another at $.nodes[" + firstReturn + "])");
          }
          firstReturn = i;
        }
        JsonNode inputs = data.get("inputs");
        requireObject(inputs, path + ".data.inputs");
        for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> input = it.next();
          requireObject(input.getValue(), JsonPaths.key(path + ".data.inputs", input.getKey()));
        }
      }
      Integer previous = nodeIndexById.putIfAbsent(id, i);
      if (previous != null) {
        throw new WorkflowFormatException(path + ".id",
            "duplicate node id \"" + id + "\" (also at $.nodes[" + previous + "])");
      }
    }
  }

  /**
   * Every node with its typed input fields. A field the form shows is typed with the settings of the
   * first form element showing it, so that it has the type its {@link WorkflowInput} has.
   */
  private List<WorkflowNode> typedNodes(List<Ref> refs) {
    JsonNode nodes = root.get("nodes");
    if (nodes == null) {
      return List.of();
    }
    Map<String, JsonNode> settingsByField = new HashMap<>();
    for (Ref ref : refs) {
      ref.settings.ifPresent(s -> settingsByField.putIfAbsent(ref.nodeId + '\u0000' + ref.fieldName, s));
    }
    List<WorkflowNode> views = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      views.add(node(i, nodes.get(i), settingsByField));
    }
    return List.copyOf(views);
  }

  private WorkflowNode node(int index, JsonNode node, Map<String, JsonNode> settingsByField) {
    String id = node.get("id").asText();
    String kind = node.get("type").asText();
    JsonNode data = node.get("data");
    boolean invocation = kind.equals("invocation");
    String type = invocation ? data.get("type").asText() : kind;
    String path = JsonPaths.index("$.nodes", index);
    List<WorkflowField> fields = new ArrayList<>();
    if (invocation) {
      for (Iterator<Map.Entry<String, JsonNode>> it = data.get("inputs").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> input = it.next();
        fields.add(field(index, node, input.getKey(), input.getValue(),
            Optional.ofNullable(settingsByField.get(id + '\u0000' + input.getKey()))));
      }
    }
    return ImmutableWorkflowNode.builder().index(index).id(id).kind(kind).type(type)
        .label(data.path("label").asText("")).jsonPath(path).fields(fields).json(node).build();
  }

  private WorkflowField field(int nodeIndex, JsonNode node, String fieldName, JsonNode field, Optional<JsonNode> settings) {
    String nodeType = node.get("data").get("type").asText();
    FieldContext ctx = FieldContext.builder().nodeType(nodeType).fieldName(fieldName).field(field)
        .settings(settings).node(node).build();
    FieldType type = typer.type(ctx);
    return ImmutableWorkflowField.builder()
        .nodeId(node.get("id").asText())
        .nodeType(nodeType)
        .name(fieldName)
        // the same rule as an input's label, so a field reads the same in and out of the form
        .label(firstNonBlank(field.get("label"), field.get("title"))
            .or(() -> typer.titles().fieldTitle(nodeType, fieldName)).orElse(fieldName))
        .type(type)
        .value(ctx.value().map(json -> FieldValues.read(type, json)))
        .jsonPath(JsonPaths.key(JsonPaths.key(JsonPaths.index("$.nodes", nodeIndex) + ".data.inputs", fieldName),
            "value"))
        .json(field)
        .build();
  }

  private List<WorkflowEdge> edges(boolean v1) {
    JsonNode edges = root.get("edges");
    if (edges == null && v1) {
      return List.of();
    }
    requireArray(edges, "$.edges");
    List<Integer> dangling = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      String path = JsonPaths.index("$.edges", i);
      JsonNode edge = edges.get(i);
      requireObject(edge, path);
      // Every GUI schema (zWorkflowV1, V2, V3) has edges as a union of type: z.literal('default') and
      // z.literal('collapsed'), so the GUI refuses a file with a typeless edge; guessing a type here
      // would build a graph the GUI never builds.
      String type = requireText(edge, "type", path);
      if (!type.equals("default") && !type.equals("collapsed")) {
        throw new WorkflowFormatException(path + ".type",
            "unknown edge type \"" + type + "\" (expected default or collapsed)");
      }
      if (type.equals("default")) {
        requireText(edge, "sourceHandle", path);
        requireText(edge, "targetHandle", path);
      }
      for (String end : new String[] {"source", "target"}) {
        String nodeId = requireText(edge, end, path);
        if (!nodeIndexById.containsKey(nodeId)) {
          // the GUI opens such a file and removes the edge with a warning (validateWorkflow.ts);
          // so do we, so that the graph and the embedded workflow are the ones the GUI would send
          warnings.add(LoadWarning.builder().kind(LoadWarning.Kind.EDGE_REMOVED)
              .edgeId(WorkflowLoad.edge(edge).id()).nodeId(nodeId)
              .message(path + "." + end + ": edge dropped: no node with id \"" + nodeId + "\"").build());
          dangling.add(i);
          break;
        }
      }
    }
    for (int i = dangling.size() - 1; i >= 0; i--) {
      ((ArrayNode) edges).remove(dangling.get(i));
    }
    List<WorkflowEdge> parsed = new ArrayList<>(edges.size());
    for (int i = 0; i < edges.size(); i++) {
      JsonNode edge = edges.get(i);
      boolean connection = edge.get("type").asText().equals("default");
      parsed.add(ImmutableWorkflowEdge.builder().index(i).type(edge.get("type").asText())
          .source(edge.get("source").asText()).target(edge.get("target").asText())
          .sourceHandle(connection ? Optional.of(edge.get("sourceHandle").asText()) : Optional.empty())
          .targetHandle(connection ? Optional.of(edge.get("targetHandle").asText()) : Optional.empty())
          .build());
    }
    return List.copyOf(parsed);
  }

  private List<JsonNode> exposedFields() {
    JsonNode exposed = root.get("exposedFields");
    if (exposed == null || exposed.isNull()) {
      return List.of();
    }
    requireArray(exposed, "$.exposedFields");
    List<JsonNode> fields = new ArrayList<>();
    for (int i = 0; i < exposed.size(); i++) {
      String path = JsonPaths.index("$.exposedFields", i);
      requireObject(exposed.get(i), path);
      requireText(exposed.get(i), "nodeId", path);
      requireText(exposed.get(i), "fieldName", path);
      fields.add(exposed.get(i));
    }
    return fields;
  }

  // ---------------------------------------------------------------- form

  /** A reference to a node field, from a form element or an exposed field. */
  private static final class Ref {
    final String nodeId;
    final String fieldName;
    final String path;
    final Optional<String> elementId;
    final Optional<JsonNode> settings;

    Ref(String nodeId, String fieldName, String path, Optional<String> elementId, Optional<JsonNode> settings) {
      this.nodeId = nodeId;
      this.fieldName = fieldName;
      this.path = path;
      this.elementId = elementId;
      this.settings = settings;
    }
  }

  private List<Ref> exposedRefs(List<JsonNode> exposed) {
    List<Ref> refs = new ArrayList<>();
    for (int i = 0; i < exposed.size(); i++) {
      JsonNode field = exposed.get(i);
      refs.add(new Ref(field.get("nodeId").asText(), field.get("fieldName").asText(),
          JsonPaths.index("$.exposedFields", i), Optional.empty(), Optional.empty()));
    }
    return refs;
  }

  /**
   * The node-field elements of the form in depth-first pre-order, or empty when the form is empty
   * (the GUI's {@code getIsFormEmpty}: only a root container without children), so that the
   * legacy exposed fields apply.
   */
  private Optional<List<Ref>> formRefs() {
    JsonNode form = root.get("form");
    if (form == null || form.isNull()) {
      return Optional.empty();
    }
    Optional<String> shapeProblem = formShapeProblem(form);
    if (shapeProblem.isPresent()) {
      // zWorkflowV3 parses the form with .catch(getDefaultForm): a form that does not parse becomes
      // an empty form, so the exposed fields apply
      warnings.add(LoadWarning.of(LoadWarning.Kind.FORM_IGNORED, shapeProblem.get() + " (form ignored, as the GUI does)"));
      return Optional.empty();
    }
    JsonNode elements = form.get("elements");
    String rootId = form.get("rootElementId").asText();
    JsonNode rootElement = elements.get(rootId);
    if (rootElement == null) {
      throw new WorkflowFormatException("$.form.rootElementId", "no element \"" + rootId + "\"");
    }
    String rootPath = JsonPaths.key("$.form.elements", rootId);
    if (!"container".equals(rootElement.get("type").asText())) {
      throw new WorkflowFormatException(rootPath + ".type", "the root element must be a container");
    }
    if (rootElement.has("parentId")) {
      throw new WorkflowFormatException(rootPath + ".parentId", "the root element must have no parent");
    }
    if (elements.size() == 1 && rootElement.get("data").get("children").size() == 0) {
      return Optional.empty();
    }
    List<Ref> refs = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    Map<String, String> listedAt = new HashMap<>();
    // explicit stack: nesting depth is the file's choice and must not overflow ours
    Deque<String> stack = new ArrayDeque<>();
    stack.push(rootId);
    visited.add(rootId);
    while (!stack.isEmpty()) {
      String id = stack.pop();
      JsonNode element = elements.get(id);
      String path = JsonPaths.key("$.form.elements", id);
      String type = element.get("type").asText();
      if (!id.equals(rootId)) {
        checkParent(elements, id, element, path);
      }
      if (type.equals("node-field")) {
        JsonNode identifier = element.get("data").get("fieldIdentifier");
        refs.add(new Ref(identifier.get("nodeId").asText(), identifier.get("fieldName").asText(), path,
            Optional.of(id), Optional.ofNullable(element.get("data").get("settings"))
                .filter(JsonNode::isObject)));
      } else if (type.equals("container")) {
        JsonNode children = element.get("data").get("children");
        for (int i = children.size() - 1; i >= 0; i--) {
          String child = children.get(i).asText();
          String childPath = JsonPaths.index(path + ".data.children", i);
          if (!elements.has(child)) {
            throw new WorkflowFormatException(childPath, "no element \"" + child + "\"");
          }
          String earlier = listedAt.putIfAbsent(child, childPath);
          if (earlier != null || child.equals(rootId)) {
            throw new WorkflowFormatException(childPath,
                "element \"" + child + "\" is listed more than once" + (earlier == null ? "" : " (also at " + earlier + ")"));
          }
          visited.add(child);
          stack.push(child);
        }
      }
    }
    for (Iterator<String> it = elements.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      if (!visited.contains(id)) {
        throw new WorkflowFormatException(JsonPaths.key("$.form.elements", id),
            "element is not reachable from the root element");
      }
    }
    return Optional.of(refs);
  }

  private static void checkParent(JsonNode elements, String id, JsonNode element, String path) {
    JsonNode parentId = element.get("parentId");
    if (parentId == null) {
      throw new WorkflowFormatException(path + ".parentId", "missing (every element but the root has a parent)");
    }
    JsonNode parent = elements.get(parentId.asText());
    if (parent == null || !"container".equals(parent.get("type").asText())) {
      throw new WorkflowFormatException(path + ".parentId",
          "parent \"" + parentId.asText() + "\" is not a container of the form");
    }
    boolean listed = false;
    for (JsonNode child : parent.get("data").get("children")) {
      listed |= child.asText().equals(id);
    }
    if (!listed) {
      throw new WorkflowFormatException(path + ".parentId",
          "parent \"" + parentId.asText() + "\" does not list this element among its children");
    }
  }

  /** What zod's {@code zBuilderForm} would reject, as "path: problem"; empty when the form parses. */
  private static Optional<String> formShapeProblem(JsonNode form) {
    if (!form.isObject()) {
      return Optional.of("$.form: expected an object");
    }
    JsonNode elements = form.get("elements");
    if (elements == null || !elements.isObject()) {
      return Optional.of("$.form.elements: expected an object");
    }
    if (!isText(form.get("rootElementId"))) {
      return Optional.of("$.form.rootElementId: expected a non-empty string");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = elements.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = JsonPaths.key("$.form.elements", entry.getKey());
      Optional<String> problem = elementProblem(entry.getValue());
      if (problem.isPresent()) {
        return Optional.of(path + problem.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> elementProblem(JsonNode element) {
    if (!element.isObject()) {
      return Optional.of(": expected an object");
    }
    if (!isText(element.get("id"))) {
      return Optional.of(".id: expected a non-empty string");
    }
    if (element.has("parentId") && !isText(element.get("parentId"))) {
      return Optional.of(".parentId: expected a non-empty string");
    }
    String type = element.path("type").asText("");
    if (!ELEMENT_TYPES.contains(type)) {
      return Optional.of(".type: unknown form element type " + FieldValues.show(element.path("type")));
    }
    JsonNode data = element.get("data");
    if (type.equals("divider")) {
      return data == null ? Optional.empty() : Optional.of(".data: a divider has no data");
    }
    if (data == null || !data.isObject()) {
      return Optional.of(".data: expected an object");
    }
    switch (type) {
      case "container":
        if (!data.path("layout").isTextual() || !Set.of("row", "column").contains(data.get("layout").asText())) {
          return Optional.of(".data.layout: expected row or column");
        }
        if (!data.path("children").isArray()) {
          return Optional.of(".data.children: expected an array");
        }
        for (JsonNode child : data.get("children")) {
          if (!isText(child)) {
            return Optional.of(".data.children: expected non-empty strings");
          }
        }
        return Optional.empty();
      case "node-field":
        JsonNode identifier = data.get("fieldIdentifier");
        if (identifier == null || !isText(identifier.get("nodeId")) || !isText(identifier.get("fieldName"))) {
          return Optional.of(".data.fieldIdentifier: expected {nodeId, fieldName}");
        }
        if (data.has("showDescription") && !data.get("showDescription").isBoolean()) {
          return Optional.of(".data.showDescription: expected a boolean");
        }
        return data.has("settings") ? settingsProblem(data.get("settings")).map(p -> ".data.settings" + p)
            : Optional.empty();
      default: // heading, text
        return data.path("content").isTextual() ? Optional.empty() : Optional.of(".data.content: expected a string");
    }
  }

  private static Optional<String> settingsProblem(JsonNode settings) {
    if (!settings.isObject()) {
      return Optional.of(": expected an object");
    }
    // without "type" zod's union takes the first member, the float config, with defaults
    String type = settings.has("type") ? settings.get("type").asText("?") : "float-field-config";
    JsonNode component = settings.get("component");
    switch (type) {
      case "integer-field-config":
      case "float-field-config":
        if (component != null && !NUMBER_COMPONENTS.contains(component.asText(""))) {
          return Optional.of(".component: expected one of " + NUMBER_COMPONENTS);
        }
        if (settings.has("showShuffle") && !settings.get("showShuffle").isBoolean()) {
          return Optional.of(".showShuffle: expected a boolean");
        }
        for (String bound : new String[] {"min", "max"}) {
          if (settings.has(bound) && !settings.get(bound).isNumber()) {
            return Optional.of("." + bound + ": expected a number");
          }
        }
        return Optional.empty();
      case "string-field-config":
        if (component != null && !STRING_COMPONENTS.contains(component.asText(""))) {
          return Optional.of(".component: expected one of " + STRING_COMPONENTS);
        }
        if (component != null && component.asText().equals("dropdown")) {
          JsonNode options = settings.get("options");
          if (options == null || !options.isArray()) {
            return Optional.of(".options: a dropdown needs an array of {label, value}");
          }
          for (JsonNode option : options) {
            if (!option.path("label").isTextual() || !option.path("value").isTextual()) {
              return Optional.of(".options: expected {label, value} strings");
            }
          }
        }
        return Optional.empty();
      default:
        return Optional.of(".type: unknown settings type " + FieldValues.show(settings.get("type")));
    }
  }

  // ---------------------------------------------------------------- inputs

  private WorkflowInput input(int index, Ref ref, int nodeIndex, JsonNode node, JsonNode field) {
    JsonNode data = node.get("data");
    String nodeType = data.get("type").asText();
    String nodeLabel = data.path("label").asText("");
    FieldContext ctx = FieldContext.builder().nodeType(nodeType).fieldName(ref.fieldName).field(field)
        .settings(ref.settings).node(node).build();
    FieldType type = typer.type(ctx);
    Optional<FieldValue> value = ctx.value().map(json -> FieldValues.read(type, json));
    JsonNode required = field.get("required");
    String valuePath = JsonPaths.key(JsonPaths.key(JsonPaths.index("$.nodes", nodeIndex) + ".data.inputs",
        ref.fieldName), "value");
    return ImmutableWorkflowInput.builder()
        .index(index)
        // as the GUI shows them: the workflow's label, else the template's title, else the name
        .label(firstNonBlank(field.get("label"), field.get("title"))
            .or(() -> typer.titles().fieldTitle(nodeType, ref.fieldName)).orElse(ref.fieldName))
        .fieldName(ref.fieldName)
        .nodeId(ref.nodeId)
        .nodeName(nodeLabel.isBlank() ? typer.titles().nodeTitle(nodeType).orElse(nodeType) : nodeLabel)
        .nodeType(nodeType)
        .type(type)
        .value(value)
        .required(required != null && required.isBoolean()
            ? required.booleanValue() : RequiredInputs.isRequired(nodeType, ref.fieldName))
        .jsonPath(valuePath)
        .settings(ref.settings)
        .formElementId(ref.elementId)
        .build();
  }

  private static Optional<String> firstNonBlank(JsonNode... candidates) {
    for (JsonNode candidate : candidates) {
      if (candidate != null && candidate.isTextual() && !candidate.asText().isBlank()) {
        return Optional.of(candidate.asText());
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- helpers

  private static boolean isText(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().trim().isEmpty();
  }

  private static void requireObject(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new WorkflowFormatException(path, "expected an object, got " + kindOf(node));
    }
  }

  private static void requireArray(JsonNode node, String path) {
    if (node == null || !node.isArray()) {
      throw new WorkflowFormatException(path, "expected an array, got " + kindOf(node));
    }
  }

  private static String requireText(JsonNode parent, String key, String parentPath) {
    JsonNode node = parent.get(key);
    if (!isText(node)) {
      throw new WorkflowFormatException(JsonPaths.key(parentPath, key),
          "expected a non-empty string, got " + kindOf(node));
    }
    return node.asText();
  }

  private static Optional<String> optionalText(JsonNode parent, String key, String parentPath) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new WorkflowFormatException(JsonPaths.key(parentPath, key), "expected a string, got " + kindOf(node));
    }
    return Optional.of(node.asText());
  }

  private static String kindOf(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    return FieldValues.show(node);
  }
}
