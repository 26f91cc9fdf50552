package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.invoke4j.domain.field.ColorValue;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.field.FieldValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns what a user gives (text from a command line, or a Java value) into a value of a field's
 * type. Failures are {@link IllegalArgumentException}s saying "expected X, got Y"; the caller adds
 * which input it was.
 */
final class InputValues {
  private static final Pattern HEX_COLOR = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
  private static final int MAX_DEPTH = 200;

  private InputValues() {}

  static FieldValue fromText(FieldType type, String text) {
    String trimmed = text.trim();
    switch (type.kind()) {
      case STRING:
      case ENUM:
      case SCHEDULER:
        return FieldValues.convert(type, TextNode.valueOf(text));
      case INTEGER:
      case FLOAT:
        return FieldValues.convert(type, number(type, trimmed, text));
      case BOOLEAN:
        if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
          return FieldValues.convert(type, BooleanNode.valueOf(Boolean.parseBoolean(trimmed)));
        }
        throw mismatch("boolean (true or false)", text);
      case IMAGE:
      case VIDEO:
      case BOARD:
        return FieldValues.convert(type, trimmed.startsWith("{") ? json(type, text) : TextNode.valueOf(trimmed));
      case COLOR:
        if (HEX_COLOR.matcher(trimmed).matches()) {
          return hexColor(trimmed.substring(1));
        }
        return FieldValues.convert(type, json(type, text));
      case RAW:
        try {
          return FieldValues.convert(type, WorkflowJson.parse(text));
        } catch (WorkflowFormatException e) {
          return FieldValues.convert(type, TextNode.valueOf(text));
        }
      default: // MODEL, COLLECTION
        return FieldValues.convert(type, json(type, text));
    }
  }

  static FieldValue fromJava(FieldType type, Object value) {
    if (value instanceof FieldValue) {
      return FieldValues.coerce(type, (FieldValue) value);
    }
    if (value instanceof String) {
      return fromText(type, (String) value);
    }
    return FieldValues.convert(type, toJson(value, 0));
  }

  private static JsonNode number(FieldType type, String trimmed, String text) {
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      throw mismatch(type.name(), text);
    }
    boolean written = trimmed.contains(".") || trimmed.toLowerCase(Locale.ROOT).contains("e");
    if (!written) {
      BigInteger whole = decimal.toBigIntegerExact();
      if (whole.bitLength() < 32) {
        return IntNode.valueOf(whole.intValue());
      }
      if (whole.bitLength() < 64) {
        return LongNode.valueOf(whole.longValue());
      }
      throw mismatch(type.name() + " within 64 bits", text);
    }
    double d = decimal.doubleValue();
    if (!Double.isFinite(d)) {
      throw mismatch("a finite " + type.name(), text);
    }
    // 1.0 typed for an integer: let the strict conversion decide (whole numbers are fine)
    return type.kind() == FieldType.Kind.INTEGER ? DecimalNode.valueOf(decimal) : DoubleNode.valueOf(d);
  }

  private static JsonNode json(FieldType type, String text) {
    try {
      return WorkflowJson.parse(text);
    } catch (WorkflowFormatException e) {
      throw new IllegalArgumentException("expected " + type.name() + " as JSON, got " + quoted(text)
          + " (" + e.getMessage() + ")", e);
    }
  }

  private static FieldValue hexColor(String hex) {
    int r = Integer.parseInt(hex.substring(0, 2), 16);
    int g = Integer.parseInt(hex.substring(2, 4), 16);
    int b = Integer.parseInt(hex.substring(4, 6), 16);
    int a = hex.length() == 8 ? Integer.parseInt(hex.substring(6, 8), 16) : 255;
    return new ColorValue(r, g, b, a);
  }

  private static JsonNode toJson(Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode) {
      return (JsonNode) value;
    }
    if (value instanceof FieldValue) {
      return ((FieldValue) value).toJson();
    }
    if (value instanceof String) {
      return TextNode.valueOf((String) value);
    }
    if (value instanceof Boolean) {
      return BooleanNode.valueOf((Boolean) value);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return IntNode.valueOf(((Number) value).intValue());
    }
    if (value instanceof Long) {
      long l = (Long) value;
      return l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
    }
    if (value instanceof Double) {
      return DoubleNode.valueOf((Double) value);
    }
    if (value instanceof Float) {
      // via its decimal text, so 0.1f is written 0.1 and not 0.10000000149011612
      return DoubleNode.valueOf(Double.parseDouble(value.toString()));
    }
    if (value instanceof BigDecimal) {
      return DecimalNode.valueOf((BigDecimal) value);
    }
    if (value instanceof BigInteger) {
      return JsonNodeFactory.instance.numberNode((BigInteger) value);
    }
    if (value instanceof List) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (Object item : (List<?>) value) {
        array.add(toJson(item, depth + 1));
      }
      return array;
    }
    if (value instanceof Map) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw new IllegalArgumentException("map keys must be strings, got " + entry.getKey());
        }
        object.set((String) entry.getKey(), toJson(entry.getValue(), depth + 1));
      }
      return object;
    }
    throw new IllegalArgumentException("unsupported Java value of " + value.getClass().getName());
  }

  private static IllegalArgumentException mismatch(String expected, String text) {
    return new IllegalArgumentException("expected " + expected + ", got " + quoted(text));
  }

  private static String quoted(String text) {
    return FieldValues.show(TextNode.valueOf(text));
  }
}
