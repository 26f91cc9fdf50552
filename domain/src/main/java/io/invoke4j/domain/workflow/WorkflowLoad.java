package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.field.Cardinality;
import io.invoke4j.domain.field.FieldTemplate;
import io.invoke4j.domain.field.InputKind;
import io.invoke4j.domain.field.NodeTemplate;
import io.invoke4j.domain.field.NodeTemplates;
import io.invoke4j.domain.field.OutputTemplate;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules the GUI applies when it opens a workflow, before anything is shown or built
 * ({@code features/nodes/util/workflow/validateWorkflow.ts} and what it calls:
 * {@code migrations.ts}, {@code store/util/validateConnection.ts},
 * {@code util/node/nodeUpdate.ts}, the stateless values of {@code types/field.ts}), applied to a
 * private copy of the tree, each change reported as a {@link LoadWarning}.
 *
 * <p>{@code strict} is the GUI's own behaviour, for templates read from the server the workflow is
 * sent to: a node whose type has no template loses its edges. Offline, with the built-in templates
 * of one InvokeAI version, an unknown type is more likely a custom node the server knows, so a
 * lenient load only warns and leaves the checks that need its template undone.
 */
final class WorkflowLoad {
  static final String CONNECTOR_IN = "in";
  static final String CONNECTOR_OUT = "out";
  static final String DYNAMIC_PREFIX = "saved_workflow_input::";
  private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final Set<String> NODES_ACCEPTING_EXTRAS = Set.of("core_metadata");
  private static final Map<String, JsonNode> VALUE_FALLBACKS = valueFallbacks();

  /** A field type as the GUI compares them: name, cardinality, batch. */
  record Type(String name, Cardinality cardinality, boolean batch) {
    static Type of(FieldTemplate t) {
      return new Type(t.typeName(), t.cardinality(), t.batch());
    }

    static Type of(OutputTemplate t) {
      return new Type(t.typeName(), t.cardinality(), t.batch());
    }

    Type single() {
      return new Type(name, Cardinality.SINGLE, batch);
    }
  }

  /** An input as an edge sees it: its type and how it may be fed. */
  record Input(Type type, InputKind input) {}

  /** An edge of the tree (handles empty for collapsed edges). */
  record Edge(JsonNode json, String id, String type, String source, String target, String sourceHandle,
      String targetHandle) {
    boolean isDefault() {
      return type.equals("default");
    }

    String describe() {
      return isDefault() ? source + "." + sourceHandle + "->" + target + "." + targetHandle : source + "->" + target;
    }
  }

  private final ObjectNode root;
  private final NodeTemplates templates;
  private final boolean strict;
  private final List<LoadWarning> warnings = new ArrayList<>();
  private final Map<String, JsonNode> nodesById = new LinkedHashMap<>();

  private WorkflowLoad(ObjectNode root, NodeTemplates templates, boolean strict) {
    this.root = root;
    this.templates = templates;
    this.strict = strict;
    for (JsonNode node : root.path("nodes")) {
      nodesById.putIfAbsent(node.path("id").asText(), node);
    }
  }

  /**
   * Applies the load rules to {@code root}, which must be a private tree already checked by the
   * reader (it is changed in place), and returns what changed.
   */
  static List<LoadWarning> apply(ObjectNode root, NodeTemplates templates, boolean strict) {
    WorkflowLoad load = new WorkflowLoad(root, templates, strict);
    load.migrate();
    load.dropStatelessValues();
    load.validateEdges();
    load.updateNodes();
    load.followRenamedFields();
    return List.copyOf(load.warnings);
  }

  // ---------------------------------------------------------------- migrations.ts

  private void migrate() {
    ObjectNode meta = (ObjectNode) root.get("meta");
    String version = meta.path("version").asText();
    switch (version) {
      case "1.0.0":
        // migrateV1toV2: nodes get a node pack and a version (1.0.0, as the backend assumes)
        for (String key : new String[] {"nodes", "edges", "exposedFields"}) {
          if (!root.path(key).isArray()) {
            root.set(key, JsonNodeFactory.instance.arrayNode());
          }
        }
        for (JsonNode node : root.get("nodes")) {
          if (isInvocation(node)) {
            ObjectNode data = (ObjectNode) node.get("data");
            data.put("nodePack", template(node).map(NodeTemplate::nodePack).orElse("Unknown"));
            if (!data.path("version").isTextual() || data.get("version").asText().isEmpty()) {
              data.put("version", "1.0.0");
            }
          }
        }
        meta.put("category", "user");
        stamp(meta, version);
        break;
      case "2.0.0":
      case "3.0.0":
        stamp(meta, version);
        break;
      case "4.0.0":
        break;
      default:
        // zWorkflowV3 takes meta.version as the literal 4.0.0 and only exact 1.0.0, 2.0.0 and 3.0.0
        // are migrated: the GUI refuses this file. We read it as its major version.
        warnings.add(LoadWarning.of(Kind.UNKNOWN_SCHEMA_VERSION, "schema version " + version
            + " is unknown to the GUI, which opens only 1.0.0, 2.0.0, 3.0.0 and 4.0.0; read as-is"));
    }
    if (!meta.has("category")) {
      meta.put("category", "user"); // zWorkflowV3's default
    }
  }

  private void stamp(ObjectNode meta, String from) {
    meta.put("version", "4.0.0");
    warnings.add(LoadWarning.of(Kind.SCHEMA_MIGRATED, "schema " + from + " migrated to 4.0.0, as the GUI does"));
  }

  // ---------------------------------------------------------------- types/field.ts

  /**
   * The GUI parses every input instance as stateful (a value) or stateless (no value, whatever the
   * file holds); an input whose template type has no value of its own keeps none. The server would
   * refuse the stale value (e.g. an array on {@code save_image.metadata} answers 422).
   */
  private void dropStatelessValues() {
    for (JsonNode node : nodesById.values()) {
      if (!isInvocation(node) || NODES_ACCEPTING_EXTRAS.contains(nodeType(node))) {
        continue; // extras nodes parse with catch-all instances that keep any value
      }
      Optional<NodeTemplate> template = template(node);
      if (template.isEmpty()) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.get("data").get("inputs").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> input = it.next();
        Optional<Input> field = inputOf(node, template.get(), input.getKey());
        if (field.isPresent() && !FieldTemplate.isStateful(field.get().type().name())
            && input.getValue().has("value")) {
          ((ObjectNode) input.getValue()).remove("value");
          warnings.add(LoadWarning.builder().kind(Kind.VALUE_DROPPED).nodeId(id(node)).fieldName(input.getKey())
              .message("node " + id(node) + " (" + nodeType(node) + "), field " + input.getKey() + ": value dropped: "
                  + field.get().type().name() + " is connection-only, the GUI keeps no value for it")
              .build());
        }
      }
    }
  }

  // ---------------------------------------------------------------- validateWorkflow.ts: edges

  private void validateEdges() {
    JsonNode edgesJson = root.get("edges");
    List<Edge> valid = new ArrayList<>();
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    for (JsonNode json : edgesJson) {
      Edge edge = edge(json);
      List<String> issues = edgeIssues(edge, valid);
      if (issues.isEmpty()) {
        valid.add(edge);
        kept.add(json);
      } else {
        warnings.add(LoadWarning.builder().kind(Kind.EDGE_REMOVED).edgeId(edge.id())
            .nodeId(edge.target()).fieldName(Optional.ofNullable(edge.targetHandle()))
            .message("edge " + edge.describe() + " removed: " + String.join("; ", issues)).build());
      }
    }
    root.set("edges", kept);
  }

  static Edge edge(JsonNode json) {
    String source = json.path("source").asText();
    String target = json.path("target").asText();
    String type = json.path("type").asText();
    String sourceHandle = json.path("sourceHandle").isTextual() ? json.get("sourceHandle").asText() : null;
    String targetHandle = json.path("targetHandle").isTextual() ? json.get("targetHandle").asText() : null;
    String id = json.path("id").isTextual() ? json.get("id").asText()
        : type.equals("default") ? source + "." + sourceHandle + "->" + target + "." + targetHandle
        : source + "->" + target;
    return new Edge(json, id, type, source, target, sourceHandle, targetHandle);
  }

  private List<String> edgeIssues(Edge edge, List<Edge> valid) {
    List<String> issues = new ArrayList<>();
    JsonNode source = nodesById.get(edge.source());
    JsonNode target = nodesById.get(edge.target());
    boolean unknownTemplate = false;
    if (source == null) {
      issues.add("source node " + edge.source() + " does not exist");
    } else if (isInvocation(source) && template(source).isEmpty()) {
      if (strict) {
        issues.add("no template for node " + edge.source() + " (" + nodeType(source) + ")");
      }
      unknownTemplate = true;
    } else if (isInvocation(source) && edge.isDefault() && template(source).get().output(edge.sourceHandle()).isEmpty()) {
      issues.add("source node " + edge.source() + " has no output " + edge.sourceHandle());
    }
    if (target == null) {
      issues.add("target node " + edge.target() + " does not exist");
    } else if (isInvocation(target) && template(target).isEmpty()) {
      if (strict) {
        issues.add("no template for node " + edge.target() + " (" + nodeType(target) + ")");
      }
      unknownTemplate = true;
    } else if (!strict && isInvocation(target) && edge.isDefault() && edge.targetHandle().startsWith(DYNAMIC_PREFIX)
        && inputOf(target, template(target).get(), edge.targetHandle()).isEmpty()) {
      // offline the saved workflow that defines call_saved_workflow's dynamic inputs is out of reach
      unknownTemplate = true;
    } else if (isInvocation(target) && edge.isDefault()
        && inputOf(target, template(target).get(), edge.targetHandle()).isEmpty()) {
      issues.add("target node " + edge.target() + " has no input " + edge.targetHandle());
    }
    if (issues.isEmpty() && edge.isDefault() && !unknownTemplate && !reachesUnknownTemplate(edge, valid)) {
      new ConnectionRules(nodesById, this::template).validate(edge.source(), edge.sourceHandle(), edge.target(),
          edge.targetHandle(), valid).ifPresent(issues::add);
    }
    return issues;
  }

  /** Offline only: an edge out of a connector fed by a node the built-in templates do not know. */
  private boolean reachesUnknownTemplate(Edge edge, List<Edge> valid) {
    if (strict) {
      return false;
    }
    Optional<ConnectionRules.Source> source = ConnectionRules.resolveConnector(edge.source(), nodesById, valid);
    return source.map(s -> nodesById.get(s.nodeId())).filter(n -> isInvocation(n) && template(n).isEmpty())
        .isPresent();
  }

  // ---------------------------------------------------------------- nodeUpdate.ts

  private void updateNodes() {
    Set<String> connected = new HashSet<>();
    for (JsonNode edge : root.get("edges")) {
      if ("default".equals(edge.path("type").asText()) && edge.path("targetHandle").isTextual()) {
        connected.add(edge.get("target").asText() + '\u0000' + edge.get("targetHandle").asText());
      }
    }
    for (JsonNode node : nodesById.values()) {
      if (!isInvocation(node)) {
        continue;
      }
      Optional<NodeTemplate> found = template(node);
      if (found.isEmpty() && !strict) {
        continue; // offline: the server's templates decide; the client loader applies them
      }
      if (found.isEmpty()) {
        warnings.add(LoadWarning.builder().kind(Kind.MISSING_NODE_TEMPLATE).nodeId(id(node))
            .message("node " + id(node) + ": no template for type " + nodeType(node)
                + " on the server; its edges were removed and it is not sent").build());
        continue;
      }
      NodeTemplate template = found.get();
      String version = node.get("data").path("version").asText("");
      if (!version.equals(template.version())) {
        if (!sameMajor(version, template.version())) {
          warnings.add(LoadWarning.builder().kind(Kind.NODE_NOT_UPDATED).nodeId(id(node))
              .message("node " + id(node) + " (" + nodeType(node) + ") is version " + (version.isEmpty() ? "none" : version)
                  + ", its template " + template.version() + ": the GUI cannot update it (another major version)")
              .build());
          continue; // the GUI leaves such a node as it is and checks nothing more on it
        }
        update(node, template, version, connected);
      }
      for (Iterator<String> it = node.get("data").get("inputs").fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (inputOf(node, template, name).isEmpty() && !NODES_ACCEPTING_EXTRAS.contains(nodeType(node))
            && (strict || !name.startsWith(DYNAMIC_PREFIX))) {
          warnings.add(LoadWarning.builder().kind(Kind.MISSING_FIELD_TEMPLATE).nodeId(id(node)).fieldName(name)
              .message("node " + id(node) + " (" + nodeType(node) + "), field " + name
                  + ": no field template; the GUI does not send it")
              .build());
        }
      }
    }
  }

  /** {@code updateNode}: a fresh node of the template merged under the old one, unknown inputs removed. */
  private void update(JsonNode node, NodeTemplate template, String fromVersion, Set<String> connected) {
    ObjectNode data = (ObjectNode) node.get("data");
    ObjectNode inputs = (ObjectNode) data.get("inputs");
    data.put("version", template.version());
    putIfAbsent(data, "label", JsonNodeFactory.instance.textNode(""));
    putIfAbsent(data, "notes", JsonNodeFactory.instance.textNode(""));
    putIfAbsent(data, "isOpen", JsonNodeFactory.instance.booleanNode(true));
    putIfAbsent(data, "isIntermediate", JsonNodeFactory.instance.booleanNode(!nodeType(node).equals("save_image")));
    putIfAbsent(data, "useCache", JsonNodeFactory.instance.booleanNode(true));
    putIfAbsent(data, "nodePack", JsonNodeFactory.instance.textNode(template.nodePack()));
    List<String> added = new ArrayList<>();
    for (FieldTemplate field : template.inputs()) {
      ObjectNode instance;
      if (inputs.path(field.name()).isObject()) {
        instance = (ObjectNode) inputs.get(field.name());
      } else {
        instance = JsonNodeFactory.instance.objectNode();
        inputs.set(field.name(), instance);
        added.add(field.name());
      }
      putIfAbsent(instance, "name", JsonNodeFactory.instance.textNode(field.name()));
      putIfAbsent(instance, "label", JsonNodeFactory.instance.textNode(""));
      putIfAbsent(instance, "description", JsonNodeFactory.instance.textNode(""));
      if (!instance.has("value") || instance.get("value").isNull()) {
        defaultValue(field).ifPresent(value -> instance.set("value", value.deepCopy()));
      }
    }
    migrateImageCollection(node, fromVersion, connected);
    List<String> removed = new ArrayList<>();
    if (!NODES_ACCEPTING_EXTRAS.contains(nodeType(node))) {
      for (Iterator<String> it = inputs.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (template.input(name).isEmpty() && !data.path("dynamicInputTemplates").has(name)) {
          removed.add(name);
        }
      }
      removed.forEach(inputs::remove);
    }
    warnings.add(LoadWarning.builder().kind(Kind.NODE_UPDATED).nodeId(id(node))
        .message("node " + id(node) + " (" + nodeType(node) + ") updated from version "
            + (fromVersion.isEmpty() ? "none" : fromVersion) + " to " + template.version()
            + (added.isEmpty() ? "" : "; added " + String.join(", ", added) + " with defaults")
            + (removed.isEmpty() ? "" : "; removed " + String.join(", ", removed)))
        .build());
  }

  /** {@code migrateImageCollectionInputValues}: image_collection before 1.0.2 kept its images in collection. */
  private void migrateImageCollection(JsonNode node, String fromVersion, Set<String> connected) {
    if (!nodeType(node).equals("image_collection") || compare(fromVersion, "1.0.2") >= 0) {
      return;
    }
    ObjectNode inputs = (ObjectNode) node.get("data").get("inputs");
    JsonNode collection = inputs.get("collection");
    JsonNode images = inputs.get("images");
    if (collection == null || images == null || !collection.path("value").isArray()
        || (images.path("value").isArray() && images.get("value").size() > 0)
        || connected.contains(id(node) + '\u0000' + "collection")) {
      return;
    }
    ((ObjectNode) images).set("value", collection.get("value"));
    ((ObjectNode) collection).set("value", JsonNodeFactory.instance.arrayNode());
  }

  /** {@code getUpdatedFieldName}, applied to exposed fields and form elements. */
  private void followRenamedFields() {
    for (JsonNode exposed : root.path("exposedFields")) {
      rename(exposed, "$.exposedFields");
    }
    JsonNode elements = root.path("form").path("elements");
    if (elements.isObject()) {
      for (JsonNode element : elements) {
        if ("node-field".equals(element.path("type").asText())) {
          rename(element.path("data").path("fieldIdentifier"), "form element " + element.path("id").asText());
        }
      }
    }
  }

  private void rename(JsonNode identifier, String where) {
    if (!identifier.isObject()) {
      return;
    }
    JsonNode node = nodesById.get(identifier.path("nodeId").asText());
    if (node != null && isInvocation(node) && nodeType(node).equals("image_collection")
        && identifier.path("fieldName").asText().equals("collection") && node.get("data").get("inputs").has("images")) {
      ((ObjectNode) identifier).put("fieldName", "images");
      warnings.add(LoadWarning.builder().kind(Kind.FIELD_RENAMED).nodeId(id(node)).fieldName("images")
          .message(where + ": field collection of node " + id(node) + " is now images").build());
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The node's template. Offline (lenient) only a built-in template of the node's own version
   * counts: another version may have other fields, and the server the workflow goes to may well
   * run it, so judging the node by the table's version would change what the GUI would not.
   */
  private Optional<NodeTemplate> template(JsonNode node) {
    if (!isInvocation(node)) {
      return Optional.empty();
    }
    Optional<NodeTemplate> found = templates.find(nodeType(node));
    return strict ? found
        : found.filter(t -> t.version().equals(node.path("data").path("version").asText("")));
  }

  /** {@code getInvocationNodeInputTemplate}: the node's dynamic input templates first, then the template's. */
  static Optional<Input> inputOf(JsonNode node, NodeTemplate template, String name) {
    JsonNode dynamic = node.path("data").path("dynamicInputTemplates").path(name);
    if (dynamic.isObject() && dynamic.path("type").path("name").isTextual()) {
      JsonNode type = dynamic.get("type");
      return Optional.of(new Input(new Type(type.get("name").asText(), cardinality(type.path("cardinality").asText()),
          type.path("batch").asBoolean(false)), inputKind(dynamic.path("input").asText("any"))));
    }
    return template.input(name).map(t -> new Input(Type.of(t), t.input()));
  }

  private static Cardinality cardinality(String text) {
    switch (text) {
      case "COLLECTION":
        return Cardinality.COLLECTION;
      case "SINGLE_OR_COLLECTION":
        return Cardinality.SINGLE_OR_COLLECTION;
      default:
        return Cardinality.SINGLE;
    }
  }

  private static InputKind inputKind(String text) {
    return text.equals("connection") ? InputKind.CONNECTION : text.equals("direct") ? InputKind.DIRECT : InputKind.ANY;
  }

  /** {@code buildFieldInputInstance}: the template's default, else the GUI's fallback for the type. */
  private static Optional<JsonNode> defaultValue(FieldTemplate field) {
    if (!FieldTemplate.isStateful(field.typeName())) {
      return Optional.empty();
    }
    return field.defaultValue().or(() -> Optional.ofNullable(VALUE_FALLBACKS.get(field.typeName())));
  }

  private static Map<String, JsonNode> valueFallbacks() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    Map<String, JsonNode> fallbacks = new HashMap<>();
    fallbacks.put("EnumField", f.textNode(""));
    fallbacks.put("BooleanField", f.booleanNode(false));
    fallbacks.put("ColorField", f.objectNode().put("r", 0).put("g", 0).put("b", 0).put("a", 1));
    fallbacks.put("FloatField", f.numberNode(0));
    fallbacks.put("IntegerField", f.numberNode(0));
    fallbacks.put("LoRAField", f.arrayNode());
    fallbacks.put("SchedulerField", f.textNode("dpmpp_3m_k"));
    fallbacks.put("SavedWorkflowField", f.textNode(""));
    fallbacks.put("StringField", f.textNode(""));
    return Map.copyOf(fallbacks);
  }

  private static void putIfAbsent(ObjectNode object, String key, JsonNode value) {
    if (!object.has(key) || object.get(key).isNull()) {
      object.set(key, value);
    }
  }

  /** semver {@code satisfies(version, ^major(template))}. */
  static boolean sameMajor(String version, String templateVersion) {
    Matcher a = SEMVER.matcher(version);
    Matcher b = SEMVER.matcher(templateVersion);
    return a.matches() && b.matches() && a.group(1).equals(b.group(1));
  }

  private static int compare(String a, String b) {
    Matcher x = SEMVER.matcher(a);
    Matcher y = SEMVER.matcher(b);
    if (!x.matches() || !y.matches()) {
      return -1;
    }
    for (int i = 1; i <= 3; i++) {
      int c = Long.compare(Long.parseLong(x.group(i)), Long.parseLong(y.group(i)));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static boolean isInvocation(JsonNode node) {
    return "invocation".equals(node.path("type").asText());
  }

  static String nodeType(JsonNode node) {
    return node.path("data").path("type").asText();
  }

  private static String id(JsonNode node) {
    return node.path("id").asText();
  }
}
