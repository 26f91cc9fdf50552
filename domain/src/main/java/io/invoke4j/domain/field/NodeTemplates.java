package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The node templates of one server, read from its {@code /openapi.json} the way the GUI reads them
 * ({@code features/nodes/util/schema/parseSchema.ts}): invocation type → {@link NodeTemplate}.
 * Immutable. Use it to type inputs ({@link FieldTyper#withTemplates(NodeTemplates)}), to show the
 * GUI's titles, and to check values before enqueueing ({@link FieldTemplate#validate(FieldValue)}).
 *
 * <pre>{@code
 * NodeTemplates templates = NodeTemplates.fromOpenApi(openApiJson);
 * FieldTemplate radius = templates.field("img_blur", "radius").orElseThrow();
 * }</pre>
 */
public final class NodeTemplates implements NodeTitles {
  /** The GUI skips these invocations ({@code invocationDenylist}). */
  private static final Set<String> DENIED = Set.of("graph", "linear_ui_output");
  private static final Set<String> RESERVED_INPUTS = Set.of("id", "type", "use_cache", "is_intermediate");
  private static final Map<String, String> PRIMITIVES = Map.of(
      "integer", "IntegerField", "number", "FloatField", "string", "StringField", "boolean", "BooleanField");
  private static final Set<String> IMAGE_OUTPUTS = Set.of("image_output", "image_collection_output");
  private static final Set<String> VIDEO_OUTPUTS = Set.of("video_output");
  private static final Set<String> GENERATORS = Set.of(
      "float_generator", "integer_generator", "string_generator", "image_generator");

  private final Map<String, NodeTemplate> byType;

  private NodeTemplates(Map<String, NodeTemplate> byType) {
    this.byType = Collections.unmodifiableMap(byType);
  }

  /**
   * The templates of every invocation in an OpenAPI document ({@code components.schemas} entries
   * with {@code class: "invocation"}). Properties whose type the GUI cannot parse are left out, as
   * the GUI leaves them out; a document without invocations gives no templates.
   *
   * @throws IllegalArgumentException when {@code openapi} is not a JSON object
   */
  public static NodeTemplates fromOpenApi(JsonNode openapi) {
    Objects.requireNonNull(openapi, "openapi == null");
    if (!openapi.isObject()) {
      throw new IllegalArgumentException("expected an OpenAPI document (a JSON object), got "
          + FieldValues.show(openapi));
    }
    JsonNode schemas = openapi.path("components").path("schemas");
    Map<String, NodeTemplate> byType = new LinkedHashMap<>();
    for (Iterator<JsonNode> it = schemas.elements(); it.hasNext(); ) {
      JsonNode schema = it.next();
      if (!"invocation".equals(schema.path("class").asText())) {
        continue;
      }
      nodeTemplate(schema, schemas).ifPresent(template -> byType.put(template.type(), template));
    }
    return new NodeTemplates(byType);
  }

  /** Templates made by hand (tests, fakes); a later template of the same type wins. */
  public static NodeTemplates of(Collection<NodeTemplate> templates) {
    Map<String, NodeTemplate> byType = new LinkedHashMap<>();
    templates.forEach(t -> byType.put(Objects.requireNonNull(t, "template == null").type(), t));
    return new NodeTemplates(byType);
  }

  /** The template of an invocation type, empty when the server does not know it. */
  public Optional<NodeTemplate> find(String nodeType) {
    return Optional.ofNullable(byType.get(Objects.requireNonNull(nodeType, "nodeType == null")));
  }

  /** The template of a node type's input, empty when the node or the field is unknown. */
  public Optional<FieldTemplate> field(String nodeType, String fieldName) {
    Objects.requireNonNull(fieldName, "fieldName == null");
    return find(nodeType).flatMap(node -> node.input(fieldName));
  }

  /** Every template by invocation type, in schema order. */
  public Map<String, NodeTemplate> asMap() {
    return byType;
  }

  /** The number of templates. */
  public int size() {
    return byType.size();
  }

  @Override
  public Optional<String> nodeTitle(String nodeType) {
    return find(nodeType).map(NodeTemplate::title);
  }

  @Override
  public Optional<String> fieldTitle(String nodeType, String fieldName) {
    return field(nodeType, fieldName).map(FieldTemplate::title);
  }

  @Override
  public String toString() {
    return "NodeTemplates[" + byType.size() + " nodes]";
  }

  // ---------------------------------------------------------------- nodes

  private static Optional<NodeTemplate> nodeTemplate(JsonNode schema, JsonNode schemas) {
    JsonNode properties = schema.path("properties");
    JsonNode typeProperty = properties.path("type");
    String type = typeProperty.path("default").asText(typeProperty.path("const").asText(""));
    if (type.isEmpty() || DENIED.contains(type)) {
      return Optional.empty();
    }
    String outputName = schema.path("output").path("$ref").asText("");
    JsonNode output = schemas.path(outputName.substring(outputName.lastIndexOf('/') + 1));
    JsonNode outputTypeProperty = output.path("properties").path("type");
    String outputType = outputTypeProperty.path("default").asText(outputTypeProperty.path("const").asText(""));
    boolean images = IMAGE_OUTPUTS.contains(outputType);
    boolean videos = VIDEO_OUTPUTS.contains(outputType);
    for (Iterator<JsonNode> it = output.path("properties").elements(); it.hasNext(); ) {
      Optional<ParsedType> parsed = fieldType(it.next());
      images |= parsed.filter(p -> p.name.equals("ImageField")).isPresent();
      videos |= parsed.filter(p -> p.name.equals("VideoField")).isPresent();
    }
    List<OutputTemplate> outputs = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = output.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      outputTemplate(type, property.getKey(), property.getValue()).ifPresent(outputs::add);
    }
    List<FieldTemplate> inputs = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      fieldTemplate(type, property.getKey(), property.getValue()).ifPresent(inputs::add);
    }
    // the GUI lists fields with a ui_order first, by it, then the rest in schema order (stable sort)
    inputs.sort(Comparator.comparing((FieldTemplate f) -> f.uiOrder().isEmpty())
        .thenComparing(f -> f.uiOrder().orElse(0)));
    return Optional.of(NodeTemplate.builder()
        .type(type)
        // the GUI's title: the schema's, minus the first "Invocation" (CollectInvocation -> Collect)
        .title(schema.path("title").asText(type).replaceFirst("Invocation", ""))
        .version(schema.path("version").asText(""))
        .classification(schema.path("classification").asText("stable"))
        .description(schema.path("description").asText(""))
        .nodePack(schema.path("node_pack").asText(""))
        .outputType(outputType)
        .outputsImages(images)
        .outputsVideos(videos)
        .inputs(inputs)
        .outputs(outputs)
        .build());
  }

  /** An output as {@code parseSchema.ts} takes it: every property but {@code type} with a field type. */
  private static Optional<OutputTemplate> outputTemplate(String nodeType, String name, JsonNode property) {
    if (name.equals("type") || !"output".equals(property.path("field_kind").asText(""))) {
      return Optional.empty();
    }
    return fieldType(property).map(parsed -> OutputTemplate.builder()
        .name(name)
        .title(text(property, "title").orElseGet(() -> startCase(name)))
        .typeName(parsed.name)
        .cardinality(parsed.cardinality)
        // the generators' lists feed batch inputs only (parseSchema.ts isBatchOutputField)
        .batch(GENERATORS.contains(nodeType) && name.equals(nodeType.substring(0, nodeType.indexOf('_')) + "s"))
        .build());
  }

  // ---------------------------------------------------------------- fields

  private static Optional<FieldTemplate> fieldTemplate(String nodeType, String name, JsonNode property) {
    // The GUI also skipped collect.collection until InvokeAI 6.13 (PR #8933); the 6.14 GUI keeps it.
    if (RESERVED_INPUTS.contains(name) || (nodeType.equals("iterate") && name.equals("index"))) {
      return Optional.empty();
    }
    String fieldKind = property.path("field_kind").asText("");
    if (!fieldKind.equals("input") && !fieldKind.equals("internal")) {
      return Optional.empty(); // not a field (or a node attribute)
    }
    Optional<ParsedType> parsed = fieldType(property);
    if (parsed.isEmpty() || parsed.get().name.equals("IsIntermediate")) {
      return Optional.empty();
    }
    ParsedType type = parsed.get();
    List<JsonNode> sources = constraintSources(property);
    FieldTemplate.Builder template = FieldTemplate.builder()
        .name(name)
        .title(text(property, "title").orElseGet(() -> startCase(name)))
        .description(property.path("description").asText(""))
        .typeName(type.name)
        .cardinality(type.cardinality)
        .batch(isBatchInput(nodeType, name))
        .uiType(text(property, "ui_type"))
        .uiComponent(text(property, "ui_component"))
        .uiHidden(property.path("ui_hidden").asBoolean(false))
        .required(property.path("orig_required").asBoolean(false))
        .internal(fieldKind.equals("internal"))
        .input(inputKind(property.path("input").asText("any")))
        .minimum(number(sources, "minimum"))
        .maximum(number(sources, "maximum"))
        .exclusiveMinimum(number(sources, "exclusiveMinimum"))
        .exclusiveMaximum(number(sources, "exclusiveMaximum"))
        .multipleOf(number(sources, "multipleOf"))
        .minLength(number(sources, "minLength").map(BigDecimal::intValue))
        .maxLength(number(sources, "maxLength").map(BigDecimal::intValue))
        .minItems(number(sources, "minItems").map(BigDecimal::intValue))
        .maxItems(number(sources, "maxItems").map(BigDecimal::intValue));
    if (property.path("ui_order").isIntegralNumber()) {
      template.uiOrder(property.get("ui_order").intValue());
    }
    List<JsonNode> options = type.name.equals("EnumField") || type.name.equals("SchedulerField")
        ? enumOptions(property) : List.of();
    options.forEach(option -> template.addOptions(option.asText()));
    template.numericOptions(!options.isEmpty() && options.stream().allMatch(JsonNode::isNumber));
    for (Iterator<Map.Entry<String, JsonNode>> it = property.path("ui_choice_labels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      template.putChoiceLabels(label.getKey(), label.getValue().asText());
    }
    boolean stateless = !FieldTemplate.isStateful(type.name);
    JsonNode schemaDefault = property.get("default");
    if (!stateless) {
      if (schemaDefault != null && !schemaDefault.isNull()) {
        template.defaultValue(schemaDefault.deepCopy());
      } else {
        fallbackDefault(type, options, property.path("orig_required").asBoolean(false))
            .ifPresent(template::defaultValue);
      }
    }
    return Optional.of(template.build());
  }

  /** The GUI's defaults when the schema has none ({@code buildFieldInputTemplate.ts}). */
  private static Optional<JsonNode> fallbackDefault(ParsedType type, List<JsonNode> options, boolean required) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (type.cardinality == Cardinality.COLLECTION) {
      boolean editable = Set.of("IntegerField", "FloatField", "StringField", "ImageField").contains(type.name);
      return editable && required ? Optional.of(json.arrayNode()) : Optional.empty();
    }
    switch (type.name) {
      case "IntegerField":
      case "FloatField":
        return Optional.of(json.numberNode(0));
      case "StringField":
        return Optional.of(json.textNode(""));
      case "BooleanField":
        return Optional.of(json.booleanNode(false));
      case "EnumField":
        return options.isEmpty() ? Optional.empty() : Optional.of(options.get(0).deepCopy());
      case "BoardField":
        return Optional.of(json.textNode("auto"));
      case "SchedulerField":
        return Optional.of(json.textNode("dpmpp_3m_k"));
      case "ColorField":
        ObjectNode grey = json.objectNode();
        grey.put("r", 127).put("g", 127).put("b", 127).put("a", 255);
        return Optional.of(grey);
      default:
        return Optional.empty();
    }
  }

  /** Enum options: the single non-null anyOf member's, else {@code const}, else {@code enum}. */
  private static List<JsonNode> enumOptions(JsonNode property) {
    if (property.has("anyOf")) {
      List<JsonNode> members = nonNullMembers(property);
      return members.size() == 1 ? enumOf(members.get(0)) : List.of();
    }
    return enumOf(property);
  }

  private static List<JsonNode> enumOf(JsonNode schema) {
    if (schema.has("const") && !schema.get("const").isNull()) {
      return List.of(schema.get("const"));
    }
    List<JsonNode> options = new ArrayList<>();
    schema.path("enum").forEach(options::add);
    return options;
  }

  /**
   * Where a constraint may sit: on the property itself (the GUI looks only there), and, for
   * {@code Optional[...]} and list fields, on the non-null {@code anyOf} members and on list items,
   * where pydantic writes them (e.g. {@code crop_latents.x}'s {@code multipleOf}) and checks them.
   */
  private static List<JsonNode> constraintSources(JsonNode property) {
    List<JsonNode> sources = new ArrayList<>();
    sources.add(property);
    sources.addAll(nonNullMembers(property));
    for (JsonNode source : List.copyOf(sources)) {
      if (source.path("items").isObject()) {
        sources.add(source.get("items"));
      }
    }
    return sources;
  }

  private static Optional<BigDecimal> number(List<JsonNode> sources, String keyword) {
    for (JsonNode source : sources) {
      // exclusiveMinimum/Maximum are booleans in OpenAPI 3.0: only 3.1's numbers count, as in the GUI
      if (source.path(keyword).isNumber()) {
        return Optional.of(source.get(keyword).decimalValue());
      }
    }
    return Optional.empty();
  }

  private static List<JsonNode> nonNullMembers(JsonNode property) {
    List<JsonNode> members = new ArrayList<>();
    for (JsonNode member : property.path("anyOf")) {
      if (!"null".equals(member.path("type").asText())) {
        members.add(member);
      }
    }
    return members;
  }

  private static boolean isBatchInput(String nodeType, String name) {
    return (nodeType.equals("float_batch") && name.equals("floats"))
        || (nodeType.equals("integer_batch") && name.equals("integers"))
        || (nodeType.equals("string_batch") && name.equals("strings"))
        || (nodeType.equals("image_batch") && name.equals("images"));
  }

  private static InputKind inputKind(String input) {
    switch (input) {
      case "connection":
        return InputKind.CONNECTION;
      case "direct":
        return InputKind.DIRECT;
      default:
        return InputKind.ANY;
    }
  }

  private static Optional<String> text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  // ---------------------------------------------------------------- field types

  private record ParsedType(String name, Cardinality cardinality) {}

  /**
   * The GUI's field type resolution ({@code parseFieldType.ts}), with {@code ui_type} first; empty
   * where the GUI gives up (unions of several types, arrays of objects, ...).
   */
  private static Optional<ParsedType> fieldType(JsonNode property) {
    Optional<String> uiType = text(property, "ui_type");
    if (uiType.isPresent()) {
      return Optional.of(new ParsedType(uiType.get(),
          uiType.get().equals("CollectionField") ? Cardinality.COLLECTION : Cardinality.SINGLE));
    }
    return parse(property);
  }

  private static Optional<ParsedType> parse(JsonNode schema) {
    if (schema.path("$ref").isTextual()) {
      return refType(schema, Cardinality.SINGLE);
    }
    if (schema.has("const") || schema.has("enum")) {
      return Optional.of(new ParsedType("EnumField", Cardinality.SINGLE));
    }
    if (!schema.has("type")) {
      if (schema.path("allOf").path(0).path("$ref").isTextual()) {
        return refType(schema.get("allOf").get(0), Cardinality.SINGLE);
      }
      if (schema.has("anyOf")) {
        return parseAnyOf(nonNullMembers(schema));
      }
      return Optional.empty();
    }
    String type = schema.path("type").asText("");
    if (type.equals("array")) {
      JsonNode items = schema.path("items");
      if (items.path("$ref").isTextual()) {
        return refType(items, Cardinality.COLLECTION);
      }
      return Optional.ofNullable(PRIMITIVES.get(items.path("type").asText("")))
          .map(name -> new ParsedType(name, Cardinality.COLLECTION));
    }
    return Optional.ofNullable(PRIMITIVES.get(type)).map(name -> new ParsedType(name, Cardinality.SINGLE));
  }

  private static Optional<ParsedType> parseAnyOf(List<JsonNode> members) {
    if (members.size() == 1) {
      return parse(members.get(0));
    }
    if (members.size() != 2) {
      return Optional.empty();
    }
    // T | list[T]
    JsonNode first = members.get(0);
    JsonNode second = members.get(1);
    JsonNode single;
    JsonNode items;
    if (first.path("type").asText("").equals("array")) {
      items = first.path("items");
      single = second;
    } else if (second.path("type").asText("").equals("array")) {
      items = second.path("items");
      single = first;
    } else {
      return Optional.empty();
    }
    String a = items.path("$ref").isTextual() ? refName(items) : items.path("type").asText("");
    String b = single.path("$ref").isTextual() ? refName(single) : single.path("type").asText("");
    if (a.isEmpty() || !a.equals(b) || a.equals("array")) {
      return Optional.empty();
    }
    return Optional.of(new ParsedType(PRIMITIVES.getOrDefault(a, a), Cardinality.SINGLE_OR_COLLECTION));
  }

  /**
   * The type a {@code $ref} names; empty when the ref has no schema name after its last {@code /}
   * ({@code #/components/schemas/}), where the GUI throws {@code UnableToExtractSchemaNameFromRefError}
   * and skips the field.
   */
  private static Optional<ParsedType> refType(JsonNode ref, Cardinality cardinality) {
    String name = refName(ref);
    return name.isEmpty() ? Optional.empty() : Optional.of(new ParsedType(name, cardinality));
  }

  private static String refName(JsonNode ref) {
    String path = ref.get("$ref").asText();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * lodash's {@code startCase}, which the GUI uses for a field without a title: words split at
   * non-alphanumerics, lower→upper case changes and letter↔digit changes, each word's first letter
   * upper-cased ({@code cfg_scale} → {@code Cfg Scale}, {@code image2} → {@code Image 2}).
   */
  static String startCase(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(word, words);
        continue;
      }
      if (word.length() > 0) {
        char prev = word.charAt(word.length() - 1);
        boolean next = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if ((Character.isLowerCase(prev) && Character.isUpperCase(c))
            || (Character.isDigit(prev) != Character.isDigit(c))
            || (Character.isUpperCase(prev) && Character.isUpperCase(c) && next)) {
          flush(word, words);
        }
      }
      word.append(c);
    }
    flush(word, words);
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
    }
    return out.toString();
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }
}
