package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldTyper;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.field.NodeTemplates;
import io.invoke4j.domain.queue.BatchDatum;
import io.invoke4j.domain.queue.Sweep;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A workflow exported from the InvokeAI GUI (schema 1.x to 4.x), checked on load, with its
 * user-facing inputs discovered as the GUI's form shows them. Immutable: setting a value returns a
 * new definition and leaves this one alone.
 *
 * <pre>{@code
 * WorkflowDefinition wf = WorkflowDefinition.fromFile(Path.of("sdxl-text-to-image.json"));
 * wf.inputs().forEach(i -> System.out.println(i.index() + " " + i.label() + " " + i.type()));
 * WorkflowDefinition changed = wf.withValueText(2, "768").withValue(4, 30);
 * }</pre>
 *
 * <p>Where the GUI silently drops form elements or exposed fields whose node or field is missing,
 * so does this class; such drops are listed in {@link #warnings()}.
 */
public final class WorkflowDefinition {
  private final JsonNode json;
  private final FieldTyper typer;
  private final String name;
  private final String schemaVersion;
  private final Optional<String> id;
  private final List<WorkflowNode> nodes;
  private final Map<String, Integer> nodeIndexById;
  private final List<WorkflowEdge> edges;
  private final List<WorkflowInput> inputs;
  private final List<Integer> inputNodeIndexes;
  private final List<LoadWarning> warnings;

  private WorkflowDefinition(JsonNode json, FieldTyper typer, WorkflowReader.Result read, String schemaVersion,
      List<LoadWarning> warnings) {
    this(json, typer, read.name(), schemaVersion, read.id(), read.nodes(), indexById(read.nodes()),
        read.edges(), read.inputs(), read.inputNodeIndexes(), warnings);
  }

  private WorkflowDefinition(JsonNode json, FieldTyper typer, String name, String schemaVersion,
      Optional<String> id, List<WorkflowNode> nodes, Map<String, Integer> nodeIndexById, List<WorkflowEdge> edges,
      List<WorkflowInput> inputs, List<Integer> inputNodeIndexes, List<LoadWarning> warnings) {
    this.json = json;
    this.typer = typer;
    this.name = name;
    this.schemaVersion = schemaVersion;
    this.id = id;
    this.nodes = nodes;
    this.nodeIndexById = nodeIndexById;
    this.edges = edges;
    this.inputs = inputs;
    this.inputNodeIndexes = inputNodeIndexes;
    this.warnings = warnings;
  }

  private static Map<String, Integer> indexById(List<WorkflowNode> nodes) {
    Map<String, Integer> byId = new HashMap<>();
    nodes.forEach(node -> byId.put(node.id(), node.index()));
    return Map.copyOf(byId);
  }

  /**
   * Reads a workflow from JSON text, typing fields with {@link FieldTyper#offline()}.
   *
   * @throws WorkflowFormatException when the text is not JSON or not a usable workflow
   */
  public static WorkflowDefinition fromJson(String json) {
    return fromJson(json, FieldTyper.offline());
  }

  /**
   * Reads a workflow from JSON text, typing fields with {@code typer}.
   *
   * @throws WorkflowFormatException when the text is not JSON or not a usable workflow
   */
  public static WorkflowDefinition fromJson(String json, FieldTyper typer) {
    Objects.requireNonNull(json, "json == null");
    return load(WorkflowJson.parse(json), typer);
  }

  /**
   * Reads a workflow from JSON text as the GUI connected to the server that gave {@code templates}
   * loads it: fields typed with {@link FieldTyper#withTemplates}, and a node whose type has no
   * template loses its edges, as in the GUI.
   *
   * @throws WorkflowFormatException when the text is not JSON or not a usable workflow
   */
  public static WorkflowDefinition fromJson(String json, NodeTemplates templates) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(templates, "templates == null");
    return load(WorkflowJson.parse(json), FieldTyper.withTemplates(templates), templates, true);
  }

  /**
   * Reads a workflow from a JSON tree (deep-copied) as {@link #fromJson(String, NodeTemplates)} does.
   *
   * @throws WorkflowFormatException when the tree is not a usable workflow
   */
  public static WorkflowDefinition fromJsonNode(JsonNode json, NodeTemplates templates) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(templates, "templates == null");
    return load(json.deepCopy(), FieldTyper.withTemplates(templates), templates, true);
  }

  /**
   * Reads a workflow from a JSON tree (deep-copied) as {@link #fromJsonNode(JsonNode, NodeTemplates)}
   * does, first refreshing each {@code call_saved_workflow} node's dynamic inputs from the saved
   * workflow {@code savedWorkflows} returns for its {@code workflow_id} (its document; empty when it
   * cannot be retrieved, reported as {@link LoadWarning.Kind#SAVED_WORKFLOW_UNAVAILABLE}), as the
   * GUI does before it checks the edges.
   *
   * @throws WorkflowFormatException when the tree is not a usable workflow
   */
  public static WorkflowDefinition fromJsonNode(JsonNode json, NodeTemplates templates,
      Function<String, Optional<JsonNode>> savedWorkflows) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(templates, "templates == null");
    Objects.requireNonNull(savedWorkflows, "savedWorkflows == null");
    JsonNode tree = json.deepCopy();
    WorkflowReader.read(tree, FieldTyper.offline()); // refuse what is no workflow before touching it
    List<LoadWarning> refreshed;
    try {
      refreshed = SavedWorkflowInputs.refresh((ObjectNode) tree, templates, savedWorkflows);
    } catch (RuntimeException e) {
      throw new WorkflowFormatException("$", "unreadable workflow: " + e, e);
    }
    WorkflowDefinition loaded = load(tree, FieldTyper.withTemplates(templates), templates, true);
    if (refreshed.isEmpty()) {
      return loaded;
    }
    List<LoadWarning> warnings = new ArrayList<>(refreshed);
    warnings.addAll(loaded.warnings);
    return new WorkflowDefinition(loaded.json, loaded.typer, loaded.name, loaded.schemaVersion, loaded.id,
        loaded.nodes, loaded.nodeIndexById, loaded.edges, loaded.inputs, loaded.inputNodeIndexes,
        List.copyOf(warnings));
  }

  /**
   * Reads a workflow from a stream of JSON (UTF-8 or as detected by Jackson); the stream is not closed.
   *
   * @throws WorkflowFormatException when the stream cannot be read or holds no usable workflow
   */
  public static WorkflowDefinition fromStream(InputStream in) {
    Objects.requireNonNull(in, "in == null");
    return load(WorkflowJson.parse(in), FieldTyper.offline());
  }

  /**
   * Reads a workflow file.
   *
   * @throws WorkflowFormatException when the file cannot be read or holds no usable workflow
   */
  public static WorkflowDefinition fromFile(Path file) {
    Objects.requireNonNull(file, "file == null");
    try (InputStream in = Files.newInputStream(file)) {
      return load(WorkflowJson.parse(in), FieldTyper.offline());
    } catch (IOException e) {
      throw new WorkflowFormatException("$", "cannot read " + file + ": " + e, e);
    }
  }

  /**
   * Reads a workflow from a JSON tree, which is deep-copied (later changes to {@code json} do not
   * reach this definition).
   *
   * @throws WorkflowFormatException when the tree is not a usable workflow
   */
  public static WorkflowDefinition fromJsonNode(JsonNode json) {
    Objects.requireNonNull(json, "json == null");
    return load(json.deepCopy(), FieldTyper.offline());
  }

  private static WorkflowDefinition load(JsonNode tree, FieldTyper typer) {
    // offline: the built-in templates, lenient with node types they do not know (custom nodes)
    return load(tree, typer, OfflineTemplates.shipped(), false);
  }

  /** Checks the tree, applies the GUI's load rules to it (it is ours to change), then reads it. */
  private static WorkflowDefinition load(JsonNode tree, FieldTyper typer, NodeTemplates templates, boolean strict) {
    Objects.requireNonNull(typer, "typer == null");
    WorkflowReader.Result checked = WorkflowReader.read(tree, typer);
    List<LoadWarning> rules;
    try {
      rules = WorkflowLoad.apply((ObjectNode) tree, templates, strict);
    } catch (RuntimeException e) {
      throw new WorkflowFormatException("$", "unreadable workflow: " + e, e);
    }
    WorkflowReader.Result read = WorkflowReader.read(tree, typer);
    List<LoadWarning> warnings = new ArrayList<>();
    // the first read removed edges to missing nodes; the form's drops are the last read's to report
    checked.warnings().stream().filter(w -> w.kind() == LoadWarning.Kind.EDGE_REMOVED).forEach(warnings::add);
    warnings.addAll(rules);
    warnings.addAll(read.warnings());
    return new WorkflowDefinition(tree, typer, read, checked.schemaVersion(), List.copyOf(warnings));
  }

  /**
   * This workflow loaded again as the GUI connected to the server that gave {@code templates} loads
   * it ({@link #fromJsonNode(JsonNode, NodeTemplates, Function)} on its tree, values set so far
   * included): the rules an offline load could not apply are applied now. The warnings are this
   * definition's followed by those of the new load that are not already among them.
   *
   * @throws WorkflowFormatException when the tree is not a usable workflow
   */
  public WorkflowDefinition reload(NodeTemplates templates, Function<String, Optional<JsonNode>> savedWorkflows) {
    WorkflowDefinition loaded = fromJsonNode(json, templates, savedWorkflows);
    List<LoadWarning> merged = new ArrayList<>(warnings);
    loaded.warnings.stream().filter(w -> !warnings.contains(w)).forEach(merged::add);
    return new WorkflowDefinition(loaded.json, loaded.typer, loaded.name, schemaVersion, loaded.id, loaded.nodes,
        loaded.nodeIndexById, loaded.edges, loaded.inputs, loaded.inputNodeIndexes, List.copyOf(merged));
  }

  /**
   * The same workflow with its inputs typed by {@code typer} instead (e.g. rules from the server's
   * schema first). Values already set are kept, and so are the {@link #loadWarnings()}.
   */
  public WorkflowDefinition withTyper(FieldTyper typer) {
    Objects.requireNonNull(typer, "typer == null");
    return new WorkflowDefinition(json, typer, WorkflowReader.read(json, typer), schemaVersion, warnings);
  }

  /**
   * The workflow JSON. Read-only by agreement: this is the internal tree, so {@code deepCopy()} it
   * before changing anything.
   */
  public JsonNode json() {
    return json;
  }

  /** The workflow's {@code name}; empty when it has none. */
  public String name() {
    return name;
  }

  /**
   * The schema version from the file's {@code meta.version}, e.g. {@code 3.0.0}; the loaded workflow
   * ({@link #json()}) is migrated to {@code 4.0.0} as the GUI migrates it.
   */
  public String schemaVersion() {
    return schemaVersion;
  }

  /** The library id; present only when the workflow was saved in the server's library. */
  public Optional<String> id() {
    return id;
  }

  /** Every node, in file order. */
  public List<WorkflowNode> nodes() {
    return nodes;
  }

  /** The node with id {@code nodeId}; empty when the workflow has none (node ids are unique). */
  public Optional<WorkflowNode> node(String nodeId) {
    Objects.requireNonNull(nodeId, "nodeId == null");
    Integer index = nodeIndexById.get(nodeId);
    return index == null ? Optional.empty() : Optional.of(nodes.get(index));
  }

  /**
   * Every edge, in file order, as checked on load: each is {@code default} (a connection, with both
   * handles) or {@code collapsed}, and both its ends are nodes of this workflow.
   */
  public List<WorkflowEdge> edges() {
    return edges;
  }

  /**
   * Every input field of every invocation node, in node order then field order: the form's inputs
   * and all the others, e.g. to find every model field of a workflow.
   */
  public List<WorkflowField> fields() {
    List<WorkflowField> all = new ArrayList<>();
    nodes.forEach(node -> all.addAll(node.fields()));
    return all;
  }

  /**
   * The input field {@code fieldName} of node {@code nodeId}.
   *
   * @throws InvalidInputException (an {@link IllegalArgumentException}) when there is no such node,
   *     it is no invocation, or it has no such field; the message names node id, node type and field
   */
  public WorkflowField field(String nodeId, String fieldName) {
    Objects.requireNonNull(nodeId, "nodeId == null");
    Objects.requireNonNull(fieldName, "fieldName == null");
    WorkflowNode node = node(nodeId).orElseThrow(() -> new InvalidInputException(
        "no node \"" + nodeId + "\" in the workflow (asked for its field " + fieldName + ")"));
    return node.field(fieldName).orElseThrow(() -> new InvalidInputException(describe(node) + " has no input field "
        + fieldName + (node.fields().isEmpty() ? "" : " (fields: " + String.join(", ",
            node.fields().stream().map(WorkflowField::name).toArray(String[]::new)) + ")")));
  }

  /** The user-facing inputs, in the order the GUI shows them. */
  public List<WorkflowInput> inputs() {
    return inputs;
  }

  /**
   * What loading changed, dropped or could not check, as the GUI would (e.g. a form field whose node
   * is gone, an invalid edge, an updated node), in words: the messages of {@link #loadWarnings()}
   * but for schema migrations, which change nothing a user sees.
   */
  public List<String> warnings() {
    return warnings.stream().filter(w -> w.kind() != LoadWarning.Kind.SCHEMA_MIGRATED)
        .map(LoadWarning::message).toList();
  }

  /** Every change loading made to the workflow, and every check it could not make, in order. */
  public List<LoadWarning> loadWarnings() {
    return warnings;
  }

  /**
   * A copy without the value of field {@code fieldName} of node {@code nodeId} (as if the file had
   * none), with {@code why} added to the {@link #loadWarnings()}: how a loader that checks the
   * workflow against a server resets an image, board or model that is not there, as the GUI does.
   *
   * @throws InvalidInputException for an unknown node or field
   */
  public WorkflowDefinition withoutValue(String nodeId, String fieldName, LoadWarning why) {
    Objects.requireNonNull(why, "why == null");
    field(nodeId, fieldName);
    ObjectNode root = json.deepCopy();
    JsonNode node = root.get("nodes").get(nodeIndexById.get(nodeId));
    ((ObjectNode) node.get("data").get("inputs").get(fieldName)).remove("value");
    List<LoadWarning> more = new ArrayList<>(warnings);
    more.add(why);
    return new WorkflowDefinition(root, typer, WorkflowReader.read(root, typer), schemaVersion, List.copyOf(more));
  }

  /**
   * A copy where the value of field {@code fieldName} of node {@code nodeId} is {@code value} (as if
   * the file had it), with {@code why} added to the {@link #loadWarnings()}: how a loader that checks
   * the workflow against a server removes the images it cannot find from an image collection, as the
   * GUI does.
   *
   * @throws InvalidInputException for an unknown node or field
   */
  public WorkflowDefinition withLoadedValue(String nodeId, String fieldName, JsonNode value, LoadWarning why) {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(why, "why == null");
    field(nodeId, fieldName);
    ObjectNode root = json.deepCopy();
    JsonNode node = root.get("nodes").get(nodeIndexById.get(nodeId));
    ((ObjectNode) node.get("data").get("inputs").get(fieldName)).set("value", value.deepCopy());
    List<LoadWarning> more = new ArrayList<>(warnings);
    more.add(why);
    return new WorkflowDefinition(root, typer, WorkflowReader.read(root, typer), schemaVersion, List.copyOf(more));
  }

  /**
   * The input at {@code index}.
   *
   * @throws InvalidInputException (an {@link IllegalArgumentException}) naming the index and the valid range
   */
  public WorkflowInput input(int index) {
    if (index < 0 || index >= inputs.size()) {
      throw new InvalidInputException("no input " + index + ": the workflow has " + inputs.size() + " inputs"
          + (inputs.isEmpty() ? "" : " (valid indexes 0.." + (inputs.size() - 1) + ")"));
    }
    return inputs.get(index);
  }

  /**
   * A copy with input {@code index} set to {@code value}, converted to the input's type (an integer
   * fits a float field; a {@link io.invoke4j.domain.field.RawValue} is checked like any JSON).
   *
   * @throws InvalidInputException for an unknown index or a value the input's type does not take
   */
  public WorkflowDefinition withValue(int index, FieldValue value) {
    Objects.requireNonNull(value, "value == null");
    return withValue(index, (Object) value);
  }

  /**
   * A copy with input {@code index} set from a Java value: {@code String} (parsed as by
   * {@link #withValueText}), {@code Integer}, {@code Long}, {@code Double}, {@code Float},
   * {@code BigDecimal}, {@code BigInteger}, {@code Boolean}, {@code List}, {@code Map} (string keys),
   * {@code JsonNode} or a {@link FieldValue}, converted per the input's type.
   *
   * @throws InvalidInputException for an unknown index or a value the input's type does not take
   */
  public WorkflowDefinition withValue(int index, Object javaValue) {
    Objects.requireNonNull(javaValue, "javaValue == null");
    return set(index, type -> InputValues.fromJava(type, javaValue));
  }

  /**
   * A copy with input {@code index} set from text, parsed for the input's type: integers, floats,
   * {@code true}/{@code false}, enum options (checked when known), images as
   * {@code {"image_name":"x.png"}} or a bare name, boards as {@code {"board_id":..}}, a bare id,
   * {@code auto} or {@code none}, models as a JSON object, colors as JSON or {@code #RRGGBB[AA]},
   * collections as JSON arrays.
   *
   * @throws InvalidInputException for an unknown index or text the input's type does not take
   */
  public WorkflowDefinition withValueText(int index, String text) {
    Objects.requireNonNull(text, "text == null");
    return set(index, type -> InputValues.fromText(type, text));
  }

  private WorkflowDefinition set(int index, Function<FieldType, FieldValue> convert) {
    WorkflowInput input = input(index);
    FieldValue value;
    try {
      value = convert.apply(input.type());
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
    return with(inputNodeIndexes.get(index), input.fieldName(), value);
  }

  /**
   * A copy with field {@code fieldName} of node {@code nodeId} set to {@code value}, converted to the
   * field's type as by {@link #withValue(int, FieldValue)}; the field need not be in the form.
   *
   * @throws InvalidInputException for an unknown node or field, or a value the field's type does not
   *     take; the message names node id, node type and field
   */
  public WorkflowDefinition withFieldValue(String nodeId, String fieldName, FieldValue value) {
    Objects.requireNonNull(value, "value == null");
    return withFieldValue(nodeId, fieldName, (Object) value);
  }

  /**
   * A copy with field {@code fieldName} of node {@code nodeId} set from a Java value, converted per
   * the field's type as by {@link #withValue(int, Object)}; the field need not be in the form. Form
   * inputs showing the field get the value too.
   *
   * @throws InvalidInputException for an unknown node or field, or a value the field's type does not
   *     take; the message names node id, node type and field
   */
  public WorkflowDefinition withFieldValue(String nodeId, String fieldName, Object javaValue) {
    Objects.requireNonNull(javaValue, "javaValue == null");
    WorkflowField field = field(nodeId, fieldName);
    FieldValue value;
    try {
      value = InputValues.fromJava(field.type(), javaValue);
    } catch (IllegalArgumentException e) {
      WorkflowNode node = nodes.get(nodeIndexById.get(nodeId));
      throw new InvalidInputException(describe(node) + ", field " + fieldName + ": " + e.getMessage(), e);
    }
    return with(nodeIndexById.get(nodeId), fieldName, value);
  }

  /**
   * A sweep of input {@code index} over {@code values}, for
   * {@link io.invoke4j.domain.queue.EnqueueRequest.WorkflowRequest#sweep}: one request, one session per
   * value. Each value is converted and checked as by {@link #withValue(int, Object)}; the server
   * runs sweeps over integer, float, text (incl. enum and scheduler) and image inputs only.
   *
   * @throws InvalidInputException for an unknown index, an input the server cannot sweep, no values,
   *     or a value the input's type does not take (naming its position)
   */
  public Sweep sweep(int index, Object... values) {
    Objects.requireNonNull(values, "values == null");
    return Sweep.zip(datum(index, Arrays.asList(values)));
  }

  /**
   * The batch datum that sweeps input {@code index} over {@code values}; zip several with
   * {@link Sweep#zip} to advance them together.
   *
   * @throws InvalidInputException as {@link #sweep}
   */
  public BatchDatum datum(int index, List<?> values) {
    Objects.requireNonNull(values, "values == null");
    WorkflowInput input = input(index);
    FieldType.Kind kind = input.type().kind();
    if (!SWEEPABLE.contains(kind)) {
      throw new InvalidInputException(describe(input) + ": the server cannot sweep " + input.type().name()
          + " inputs (batch items are integers, floats, text or images)");
    }
    if (values.isEmpty()) {
      throw new InvalidInputException(describe(input) + ": a sweep needs at least one value");
    }
    List<JsonNode> items = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Object value = Objects.requireNonNull(values.get(i), "values[" + i + "] == null");
      try {
        items.add(InputValues.fromJava(input.type(), value).toJson());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(describe(input) + ": sweep value " + i + ": " + e.getMessage(), e);
      }
    }
    return BatchDatum.builder().nodePath(input.nodeId()).fieldName(input.fieldName()).items(items).build();
  }

  private static final Set<FieldType.Kind> SWEEPABLE = EnumSet.of(FieldType.Kind.INTEGER,
      FieldType.Kind.FLOAT, FieldType.Kind.STRING, FieldType.Kind.ENUM, FieldType.Kind.SCHEDULER,
      FieldType.Kind.IMAGE);

  /**
   * The copy with one field's value replaced. Only the path from the root to that field is copied;
   * every other subtree (and every other node's parsed view) is shared with this definition, which
   * the read-only agreement on {@link #json()} allows: a sweep loop setting a value per submission
   * must not pay for copying the whole workflow each time.
   */
  private WorkflowDefinition with(int nodeIndex, String fieldName, FieldValue value) {
    WorkflowNode node = nodes.get(nodeIndex);
    ObjectNode nodeJson = shallowCopy(node.json());
    ObjectNode data = shallowCopy(nodeJson.get("data"));
    ObjectNode fieldsJson = shallowCopy(data.get("inputs"));
    ObjectNode fieldJson = shallowCopy(fieldsJson.get(fieldName));
    fieldJson.set("value", value.toJson().deepCopy());
    fieldsJson.set(fieldName, fieldJson);
    data.set("inputs", fieldsJson);
    nodeJson.set("data", data);
    ArrayNode nodesJson = JsonNodeFactory.instance.arrayNode(json.get("nodes").size());
    nodesJson.addAll((ArrayNode) json.get("nodes"));
    nodesJson.set(nodeIndex, nodeJson);
    ObjectNode root = shallowCopy(json);
    root.set("nodes", nodesJson);

    List<WorkflowField> fields = new ArrayList<>(node.fields());
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        fields.set(i, ImmutableWorkflowField.builder().from(fields.get(i)).value(value).json(fieldJson).build());
      }
    }
    List<WorkflowNode> updatedNodes = new ArrayList<>(nodes);
    updatedNodes.set(nodeIndex, ImmutableWorkflowNode.builder().from(node).fields(fields).json(nodeJson).build());
    // the same node field may be shown twice in a form: every view of it gets the value
    List<WorkflowInput> updated = new ArrayList<>(inputs);
    for (int i = 0; i < updated.size(); i++) {
      WorkflowInput other = updated.get(i);
      if (other.nodeId().equals(node.id()) && other.fieldName().equals(fieldName)) {
        updated.set(i, ImmutableWorkflowInput.builder().from(other).value(value).build());
      }
    }
    return new WorkflowDefinition(root, typer, name, schemaVersion, id, List.copyOf(updatedNodes), nodeIndexById,
        edges, List.copyOf(updated), inputNodeIndexes, warnings);
  }

  private static ObjectNode shallowCopy(JsonNode object) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    copy.setAll((ObjectNode) object);
    return copy;
  }

  /** {@code node "Resize" img_resize#abc}. */
  private static String describe(WorkflowNode node) {
    return "node \"" + node.displayName() + "\" " + node.type() + "#" + node.id();
  }

  private static InvalidInputException invalid(WorkflowInput input, IllegalArgumentException cause) {
    return new InvalidInputException(describe(input) + ": " + cause.getMessage(), cause);
  }

  /** {@code input 3 "Width" (node "Resize" img_resize#abc, field width)}. */
  static String describe(WorkflowInput input) {
    return "input " + input.index() + " \"" + input.label() + "\" (node \"" + input.nodeName() + "\" "
        + input.nodeType() + "#" + input.nodeId() + ", field " + input.fieldName() + ")";
  }

  @Override
  public String toString() {
    return "WorkflowDefinition[name=" + name + ", schemaVersion=" + schemaVersion + ", nodes=" + nodes.size()
        + ", inputs=" + inputs.size() + "]";
  }
}
