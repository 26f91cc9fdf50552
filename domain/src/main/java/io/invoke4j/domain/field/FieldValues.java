package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Conversions between JSON and typed {@link FieldValue}s for a given {@link FieldType}. */
public final class FieldValues {
  private static final int MAX_SHOWN = 60;

  private FieldValues() {}

  /**
   * The typed value of {@code json} for {@code type} when it fits the type exactly (its
   * {@link FieldValue#toJson()} equals {@code json}), else a {@link RawValue}. Never throws on odd
   * JSON: reading a workflow must not lose or reject a value.
   */
  public static FieldValue read(FieldType type, JsonNode json) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(json, "json == null");
    if (type.isEnum() && json.isTextual()) {
      // a newer server may know options we do not: a read value is kept as the enum value it is
      return new EnumValue(json.asText(), type.options());
    }
    try {
      FieldValue typed = convert(type, json);
      if (typed.toJson().equals(SAME_NUMBERS, json)) {
        return typed;
      }
    } catch (IllegalArgumentException e) {
      // does not fit: keep it raw
    }
    return new RawValue(json);
  }

  /**
   * Converts {@code json} to a value of {@code type}, strictly: a float with a fraction is no
   * integer, an enum value must be one of the known options (when known).
   *
   * @throws IllegalArgumentException saying "expected &lt;type&gt;, got &lt;json&gt;"
   */
  public static FieldValue convert(FieldType type, JsonNode json) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(json, "json == null");
    switch (type.kind()) {
      case STRING:
        if (json.isTextual()) {
          return new StringValue(json.asText());
        }
        break;
      case INTEGER:
        if (json.isNumber()) {
          BigDecimal decimal = json.decimalValue();
          if (isWhole(decimal)) {
            try {
              return new IntegerValue(decimal.longValueExact());
            } catch (ArithmeticException e) {
              throw mismatch("an integer within 64 bits", json);
            }
          }
        }
        break;
      case FLOAT:
        if (json.isNumber() && Double.isFinite(json.doubleValue())) {
          return FloatValue.ofJson(json);
        }
        break;
      case BOOLEAN:
        if (json.isBoolean()) {
          return new BooleanValue(json.booleanValue());
        }
        break;
      case ENUM:
      case SCHEDULER:
        if (json.isTextual()) {
          if (!type.options().isEmpty() && !type.options().contains(json.asText())) {
            throw mismatch(type.name() + " (one of " + String.join(", ", type.options()) + ")", json);
          }
          return new EnumValue(json.asText(), type.options());
        }
        break;
      case IMAGE:
        if (json.isObject() && json.path("image_name").isTextual() && !json.get("image_name").asText().isBlank()) {
          return new ImageValue(json.get("image_name").asText());
        }
        if (json.isTextual() && !json.asText().isBlank()) {
          return new ImageValue(json.asText());
        }
        break;
      case VIDEO:
        if (json.isObject() && json.path("video_name").isTextual() && !json.get("video_name").asText().isBlank()) {
          return new VideoValue(json.get("video_name").asText());
        }
        if (json.isTextual() && !json.asText().isBlank()) {
          return new VideoValue(json.asText());
        }
        break;
      case BOARD:
        if (json.isTextual() && !json.asText().isBlank()) {
          String text = json.asText();
          return "auto".equals(text) ? BoardValue.auto()
              : "none".equals(text) ? BoardValue.none() : BoardValue.of(text);
        }
        if (json.isObject() && json.path("board_id").isTextual() && !json.get("board_id").asText().isBlank()) {
          return BoardValue.of(json.get("board_id").asText());
        }
        break;
      case MODEL:
        try {
          return new ModelValue(json);
        } catch (IllegalArgumentException e) {
          break;
        }
      case COLOR:
        if (json.isObject()) {
          int[] channels = new int[4];
          String[] names = {"r", "g", "b", "a"};
          boolean ok = true;
          for (int i = 0; i < 4 && ok; i++) {
            JsonNode channel = json.path(names[i]);
            ok = channel.isIntegralNumber() && channel.canConvertToInt()
                && channel.intValue() >= 0 && channel.intValue() <= 255;
            channels[i] = ok ? channel.intValue() : 0;
          }
          if (ok) {
            return new ColorValue(channels[0], channels[1], channels[2], channels[3]);
          }
        }
        break;
      case COLLECTION:
        if (json.isArray()) {
          FieldType elementType = type.elementType().orElseThrow();
          List<FieldValue> items = new ArrayList<>();
          for (int i = 0; i < json.size(); i++) {
            try {
              items.add(convert(elementType, json.get(i)));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("item " + i + ": " + e.getMessage(), e);
            }
          }
          return new CollectionValue(elementType, items);
        }
        break;
      case RAW:
        return new RawValue(json);
      default:
        break;
    }
    throw mismatch(describe(type), json);
  }

  /**
   * Converts any value to one of {@code type}, strictly, through its JSON (so an
   * {@link IntegerValue} fits a float field and a {@link RawValue} is checked like any JSON).
   *
   * @throws IllegalArgumentException saying "expected &lt;type&gt;, got &lt;json&gt;"
   */
  public static FieldValue coerce(FieldType type, FieldValue value) {
    Objects.requireNonNull(value, "value == null");
    return convert(type, value.toJson());
  }

  /** A short, one-line rendering of a JSON value for messages: strings quoted, long values cut. */
  public static String show(JsonNode json) {
    String text = json.toString();
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
  }

  private static String describe(FieldType type) {
    switch (type.kind()) {
      case IMAGE:
        return "image ({\"image_name\": ...} or an image name)";
      case VIDEO:
        return "video ({\"video_name\": ...} or a video name)";
      case BOARD:
        return "board (\"auto\", \"none\", {\"board_id\": ...} or a board id)";
      case MODEL:
        return "model ({\"key\", \"hash\", \"name\", \"base\", \"type\"})";
      case COLOR:
        return "color ({\"r\", \"g\", \"b\", \"a\"} each 0..255)";
      case COLLECTION:
        return type.name() + " (a JSON array)";
      default:
        return type.name();
    }
  }

  private static IllegalArgumentException mismatch(String expected, JsonNode json) {
    return new IllegalArgumentException("expected " + expected + ", got " + show(json));
  }

  private static boolean isWhole(BigDecimal decimal) {
    return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
  }

  /** Numbers compare by kind (integral or not) and value, so 5 as int and 5 as long are the same JSON. */
  private static final Comparator<JsonNode> SAME_NUMBERS = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      boolean sameKind = a.isIntegralNumber() == b.isIntegralNumber();
      return sameKind && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    }
    return a.equals(b) ? 0 : 1;
  };
}
