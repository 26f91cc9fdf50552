package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The offline {@link TypingRule}s, usable one by one when composing your own {@link FieldTyper}.
 * They read what a workflow file carries plus the built-in nodes' schema table invoke4j ships, so for
 * custom nodes they are a best guess: a float field holding {@code 1} and named nothing we know is
 * typed {@code integer} until a schema-based rule says better.
 */
public final class TypingRules {
  private TypingRules() {}

  private static final List<String> BATCH_GROUPS =
      List.of("None", "Group 1", "Group 2", "Group 3", "Group 4", "Group 5");

  /**
   * Types from the form element's settings, as the GUI writes them ({@code features/nodes/types/workflow.ts}):
   * {@code integer-field-config}, {@code float-field-config}, {@code string-field-config} (a
   * {@code dropdown} with options becomes an enum of the option values).
   */
  public static TypingRule formSettings() {
    return ctx -> {
      if (ctx.settings().isEmpty()) {
        return Optional.empty();
      }
      JsonNode settings = ctx.settings().get();
      switch (settings.path("type").asText("")) {
        case "integer-field-config":
          return Optional.of(FieldType.INTEGER);
        case "float-field-config":
          return Optional.of(FieldType.FLOAT);
        case "string-field-config":
          if ("dropdown".equals(settings.path("component").asText()) && settings.path("options").isArray()) {
            List<String> options = new ArrayList<>();
            for (JsonNode option : settings.get("options")) {
              if (option.path("value").isTextual()) {
                options.add(option.get("value").asText());
              }
            }
            return Optional.of(FieldType.enumOf(options));
          }
          return Optional.of(FieldType.STRING);
        default:
          return Optional.empty();
      }
    };
  }

  /**
   * Types the inputs of InvokeAI's built-in nodes from the schema table invoke4j ships
   * ({@link BuiltInNodes#shipped()}); custom nodes and connection-only fields fall through.
   */
  public static TypingRule builtInNodes() {
    return ctx -> BuiltInNodes.shipped().type(ctx.nodeType(), ctx.fieldName());
  }

  /**
   * Types the inputs of nodes the server's templates know ({@link FieldTemplate#fieldType()}): enum
   * options from the schema, {@code VideoField} as {@link FieldType#VIDEO}, and {@link FieldType#RAW}
   * for connection-only fields, so no later rule guesses from a name. Unknown nodes and fields fall
   * through.
   */
  public static TypingRule fromTemplates(NodeTemplates templates) {
    java.util.Objects.requireNonNull(templates, "templates == null");
    return ctx -> templates.field(ctx.nodeType(), ctx.fieldName()).map(FieldTemplate::fieldType);
  }

  private static final Map<String, FieldType> LEGACY = Map.ofEntries(
      Map.entry("integer", FieldType.INTEGER), Map.entry("IntegerField", FieldType.INTEGER),
      Map.entry("float", FieldType.FLOAT), Map.entry("FloatField", FieldType.FLOAT),
      Map.entry("string", FieldType.STRING), Map.entry("StringField", FieldType.STRING),
      Map.entry("boolean", FieldType.BOOLEAN), Map.entry("BooleanField", FieldType.BOOLEAN),
      Map.entry("enum", FieldType.ENUM), Map.entry("EnumField", FieldType.ENUM),
      Map.entry("Scheduler", FieldType.SCHEDULER), Map.entry("SchedulerField", FieldType.SCHEDULER),
      Map.entry("ImageField", FieldType.IMAGE), Map.entry("BoardField", FieldType.BOARD),
      Map.entry("VideoField", FieldType.VIDEO),
      Map.entry("ColorField", FieldType.COLOR),
      Map.entry("IntegerCollection", FieldType.collectionOf(FieldType.INTEGER)),
      Map.entry("FloatCollection", FieldType.collectionOf(FieldType.FLOAT)),
      Map.entry("StringCollection", FieldType.collectionOf(FieldType.STRING)),
      Map.entry("BooleanCollection", FieldType.collectionOf(FieldType.BOOLEAN)),
      Map.entry("ImageCollection", FieldType.collectionOf(FieldType.IMAGE)),
      Map.entry("ColorCollection", FieldType.collectionOf(FieldType.COLOR)));

  /**
   * Types from the field type that schema 1.x ({@code "type": "integer"}) and 2.x
   * ({@code "type": {"name": "IntegerField", "isCollection": false}}) files store in each input.
   */
  public static TypingRule legacyFieldType() {
    return ctx -> {
      JsonNode type = ctx.field().path("type");
      String name;
      boolean collection = false;
      if (type.isTextual()) {
        name = type.asText();
      } else if (type.isObject() && type.path("name").isTextual()) {
        name = type.get("name").asText();
        collection = type.path("isCollection").asBoolean(false);
      } else {
        return Optional.empty();
      }
      FieldType single = LEGACY.get(name);
      if (single == null && name.endsWith("ModelField")) {
        single = FieldType.MODEL;
      }
      if (single == null) {
        return Optional.empty();
      }
      return Optional.of(collection && single.kind() != FieldType.Kind.COLLECTION
          ? FieldType.collectionOf(single) : single);
    };
  }

  /**
   * Types from the shape of the value: a model identifier ({@code key}, {@code base}, {@code type}),
   * a board ({@code {"board_id"}} alone under any name; {@code "auto"}, {@code "none"} or an object with
   * a {@code board_id} in a field named {@code board} or {@code *_board}),
   * an image ({@code {image_name}}), a video ({@code {video_name}}), a color ({@code {r,g,b,a}}), or a non-empty array of one of these.
   */
  public static TypingRule valueShape() {
    return ctx -> {
      if (ctx.value().isEmpty()) {
        return Optional.empty();
      }
      JsonNode value = ctx.value().get();
      if (BoardFields.isBoard(ctx.fieldName(), value)) {
        return Optional.of(FieldType.BOARD);
      }
      Optional<FieldType> single = objectShape(value);
      if (single.isPresent()) {
        return single;
      }
      if (value.isArray() && value.size() > 0) {
        Optional<FieldType> first = objectShape(value.get(0));
        for (JsonNode item : value) {
          if (first.isEmpty() || !objectShape(item).equals(first)) {
            return Optional.empty();
          }
        }
        return first.map(FieldType::collectionOf);
      }
      return Optional.empty();
    };
  }

  private static Optional<FieldType> objectShape(JsonNode value) {
    if (!value.isObject()) {
      return Optional.empty();
    }
    if (value.path("key").isTextual() && value.path("base").isTextual() && value.path("type").isTextual()) {
      return Optional.of(FieldType.MODEL);
    }
    if (value.path("image_name").isTextual()) {
      return Optional.of(FieldType.IMAGE);
    }
    if (value.path("video_name").isTextual()) {
      return Optional.of(FieldType.VIDEO);
    }
    if (value.path("r").isNumber() && value.path("g").isNumber() && value.path("b").isNumber()
        && value.path("a").isNumber()) {
      return Optional.of(FieldType.COLOR);
    }
    return Optional.empty();
  }

  private static final Map<String, FieldType> PRIMITIVE_NODES = Map.ofEntries(
      Map.entry("integer.value", FieldType.INTEGER),
      Map.entry("float.value", FieldType.FLOAT),
      Map.entry("string.value", FieldType.STRING),
      Map.entry("boolean.value", FieldType.BOOLEAN),
      Map.entry("integer_collection.collection", FieldType.collectionOf(FieldType.INTEGER)),
      Map.entry("float_collection.collection", FieldType.collectionOf(FieldType.FLOAT)),
      Map.entry("string_collection.collection", FieldType.collectionOf(FieldType.STRING)),
      Map.entry("boolean_collection.collection", FieldType.collectionOf(FieldType.BOOLEAN)),
      Map.entry("image_collection.collection", FieldType.collectionOf(FieldType.IMAGE)),
      Map.entry("image_collection.images", FieldType.collectionOf(FieldType.IMAGE)),
      Map.entry("integer_batch.integers", FieldType.collectionOf(FieldType.INTEGER)),
      Map.entry("float_batch.floats", FieldType.collectionOf(FieldType.FLOAT)),
      Map.entry("string_batch.strings", FieldType.collectionOf(FieldType.STRING)),
      Map.entry("image_batch.images", FieldType.collectionOf(FieldType.IMAGE)),
      Map.entry("add.a", FieldType.INTEGER), Map.entry("add.b", FieldType.INTEGER),
      Map.entry("sub.a", FieldType.INTEGER), Map.entry("sub.b", FieldType.INTEGER),
      Map.entry("mul.a", FieldType.INTEGER), Map.entry("mul.b", FieldType.INTEGER),
      Map.entry("div.a", FieldType.INTEGER), Map.entry("div.b", FieldType.INTEGER),
      Map.entry("integer_math.a", FieldType.INTEGER), Map.entry("integer_math.b", FieldType.INTEGER),
      Map.entry("integer_math.operation",
          FieldType.enumOf(List.of("ADD", "SUB", "MUL", "DIV", "EXP", "MOD", "ABS", "MIN", "MAX"))),
      Map.entry("float_math.a", FieldType.FLOAT), Map.entry("float_math.b", FieldType.FLOAT),
      Map.entry("float_math.operation",
          FieldType.enumOf(List.of("ADD", "SUB", "MUL", "DIV", "EXP", "ABS", "SQRT", "MIN", "MAX"))),
      Map.entry("rand_int.low", FieldType.INTEGER), Map.entry("rand_int.high", FieldType.INTEGER),
      Map.entry("rand_float.low", FieldType.FLOAT), Map.entry("rand_float.high", FieldType.FLOAT),
      Map.entry("round_float.value", FieldType.FLOAT), Map.entry("float_to_int.value", FieldType.FLOAT));

  /**
   * Types the inputs of InvokeAI's primitive, collection, batch and math nodes, e.g.
   * {@code integer.value}, {@code float_collection.collection}, {@code image_batch.images},
   * {@code float_math.a}, and the batch nodes' {@code batch_group_id}.
   */
  public static TypingRule primitiveNodes() {
    return ctx -> {
      if (ctx.fieldName().equals("batch_group_id") && ctx.nodeType().endsWith("_batch")) {
        return Optional.of(FieldType.enumOf(BATCH_GROUPS));
      }
      return Optional.ofNullable(PRIMITIVE_NODES.get(ctx.nodeType() + "." + ctx.fieldName()));
    };
  }

  private static final Set<String> INTEGER_NAMES = Set.of(
      "seed", "width", "height", "steps", "num_steps", "fps", "max_prompts", "start_line", "tile_size",
      "num_frames", "clip_skip");
  private static final Set<String> FLOAT_NAMES = Set.of(
      "cfg_scale", "cfg_rescale_multiplier", "radius", "strength", "guidance", "weight", "control_weight",
      "ip_adapter_weight", "scale", "scale_factor", "begin_step_percent", "end_step_percent");
  private static final Set<String> STRING_NAMES = Set.of(
      "prompt", "positive_prompt", "negative_prompt", "style", "positive_style_prompt",
      "negative_style_prompt", "file_path", "pre_prompt", "post_prompt");

  /**
   * Types well-known field names: {@code scheduler} (InvokeAI's schedulers), {@code board},
   * {@code model} and {@code *_model}, {@code image}, {@code images}, {@code color}, integers such
   * as {@code seed}, {@code width}, {@code height}, {@code steps}, floats such as {@code cfg_scale},
   * {@code denoising_*}, {@code guidance*}, {@code strength}, and prompts.
   */
  public static TypingRule wellKnownNames() {
    return ctx -> {
      String name = ctx.fieldName();
      if (name.equals("scheduler")) {
        return Optional.of(FieldType.SCHEDULER);
      }
      if (BoardFields.isBoardName(name)) {
        return Optional.of(FieldType.BOARD);
      }
      if (name.equals("model") || name.endsWith("_model") || name.equals("lora")) {
        return Optional.of(FieldType.MODEL);
      }
      if (name.equals("image") || name.equals("base_image")) {
        return Optional.of(FieldType.IMAGE);
      }
      if (name.equals("images")) {
        return Optional.of(FieldType.collectionOf(FieldType.IMAGE));
      }
      if (name.equals("color")) {
        return Optional.of(FieldType.COLOR);
      }
      if (INTEGER_NAMES.contains(name)) {
        return Optional.of(FieldType.INTEGER);
      }
      if (FLOAT_NAMES.contains(name) || name.startsWith("denoising_") || name.startsWith("guidance_")) {
        return Optional.of(FieldType.FLOAT);
      }
      if (STRING_NAMES.contains(name)) {
        return Optional.of(FieldType.STRING);
      }
      return Optional.empty();
    };
  }

  /**
   * Types from the JSON type of the value: integral numbers {@code integer}, other numbers
   * {@code float}, strings, booleans, and arrays of one scalar kind as collections of it.
   */
  public static TypingRule jsonValueType() {
    return ctx -> ctx.value().flatMap(TypingRules::scalarType).or(() -> ctx.value()
        .filter(JsonNode::isArray)
        .filter(array -> array.size() > 0)
        .flatMap(array -> {
          Optional<FieldType> first = scalarType(array.get(0));
          for (JsonNode item : array) {
            if (first.isEmpty() || !scalarType(item).equals(first)) {
              return Optional.empty();
            }
          }
          return first.map(FieldType::collectionOf);
        }));
  }

  private static Optional<FieldType> scalarType(JsonNode value) {
    if (value.isIntegralNumber()) {
      return Optional.of(FieldType.INTEGER);
    }
    if (value.isNumber()) {
      return Optional.of(FieldType.FLOAT);
    }
    if (value.isTextual()) {
      return Optional.of(FieldType.STRING);
    }
    if (value.isBoolean()) {
      return Optional.of(FieldType.BOOLEAN);
    }
    return Optional.empty();
  }
}
