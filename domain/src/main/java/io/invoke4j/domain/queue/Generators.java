package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a generator node, as the GUI's {@code resolve*GeneratorField} in
 * {@code features/nodes/types/field.ts}. Numbers follow JavaScript: every number is a double and one
 * with an integral value is written without a fraction ({@code 1}, not {@code 1.0}), as
 * {@code JSON.stringify} does; a non-finite one becomes {@code null}.
 */
final class Generators {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern JS_FLOAT =
      Pattern.compile("^[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
  private static final Pattern JS_INT = Pattern.compile("^[+-]?\\d+");

  private Generators() {}

  /** Seeds for unseeded random generators: random, as the GUI's {@code Math.random}. */
  static LongSupplier randomSeeds() {
    return () -> ThreadLocalRandom.current().nextLong(1L << 32);
  }

  /**
   * The values of generator node {@code nodeId} of type {@code nodeType} (e.g.
   * {@code integer_generator}) with the {@code generator} input value {@code value}.
   *
   * @throws UnresolvableBatchException for generators that need the server
   */
  static List<JsonNode> resolve(String nodeId, String nodeType, JsonNode value, LongSupplier seeds) {
    String type = WorkflowView.text(value, "type");
    if (type == null) {
      throw new IllegalArgumentException("generator node " + nodeId + " has no generator value");
    }
    switch (type) {
      case "float_generator_arithmetic_sequence":
      case "float_generator_linear_distribution":
      case "float_generator_random_distribution_uniform":
      case "float_generator_parse_string":
        // Only float generators honour a cached "values" list (the GUI's resolveFloatGeneratorField).
        if (value.path("values").isArray() && value.path("values").size() > 0) {
          List<JsonNode> cached = new ArrayList<>();
          value.get("values").forEach(v -> cached.add(v.deepCopy()));
          return cached;
        }
        return floats(type, value, seeds);
      case "integer_generator_arithmetic_sequence":
      case "integer_generator_linear_distribution":
      case "integer_generator_random_distribution_uniform":
      case "integer_generator_parse_string":
        return integers(type, value, seeds);
      case "string_generator_parse_string":
        List<JsonNode> strings = new ArrayList<>();
        for (String part : split(text(value, "input", "foo,bar,baz,qux"), text(value, "splitOn", ","))) {
          if (!part.isEmpty()) {
            strings.add(JSON.textNode(part));
          }
        }
        return strings;
      case "image_generator_images_from_board":
        // Without a board the GUI resolves to no images (and then refuses the empty batch).
        if (text(value, "board_id", "").trim().isEmpty()) {
          return List.of();
        }
        throw new UnresolvableBatchException(nodeId, type);
      case "string_generator_dynamic_prompts_combinatorial":
      case "string_generator_dynamic_prompts_random":
        throw new UnresolvableBatchException(nodeId, type);
      default:
        throw new IllegalArgumentException(
            "generator node " + nodeId + " (" + nodeType + ") has unknown generator type " + type);
    }
  }

  private static List<JsonNode> floats(String type, JsonNode value, LongSupplier seeds) {
    List<JsonNode> values = new ArrayList<>();
    switch (type) {
      case "float_generator_arithmetic_sequence": {
        double start = number(value, "start", 0);
        double step = number(value, "step", 0.1);
        if (step == 0) {
          return List.of(jsNumber(start));
        }
        for (int i = 0; i < count(value); i++) {
          values.add(jsNumber(start + i * step));
        }
        return values;
      }
      case "float_generator_linear_distribution": {
        double start = number(value, "start", 0);
        double end = number(value, "end", 1);
        int count = count(value);
        if (count == 1) {
          return List.of(jsNumber(start));
        }
        for (int i = 0; i < count; i++) {
          values.add(jsNumber(start + (end - start) * ((double) i / (count - 1))));
        }
        return values;
      }
      case "float_generator_random_distribution_uniform": {
        double min = number(value, "min", 0);
        double max = number(value, "max", 1);
        MersenneTwister rng = rng(value, seeds);
        for (int i = 0; i < count(value); i++) {
          values.add(jsNumber(rng.random() * (max - min) + min));
        }
        return values;
      }
      default: {
        String input = text(value, "input", "0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1");
        for (String part : split(input, text(value, "splitOn", ","))) {
          Matcher m = JS_FLOAT.matcher(jsTrim(part));
          if (m.find()) {
            String number = m.group();
            values.add(jsNumber(number.endsWith("Infinity")
                ? (number.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : Double.parseDouble(number)));
          }
        }
        return values;
      }
    }
  }

  private static List<JsonNode> integers(String type, JsonNode value, LongSupplier seeds) {
    List<JsonNode> values = new ArrayList<>();
    switch (type) {
      case "integer_generator_arithmetic_sequence": {
        double start = number(value, "start", 0);
        double step = number(value, "step", 1);
        if (step == 0) {
          return List.of(jsNumber(start));
        }
        for (int i = 0; i < count(value); i++) {
          values.add(jsNumber(start + i * step));
        }
        return values;
      }
      case "integer_generator_linear_distribution": {
        double start = number(value, "start", 0);
        double end = number(value, "end", 10);
        int count = count(value);
        if (count == 1) {
          return List.of(jsNumber(start));
        }
        for (int i = 0; i < count; i++) {
          // JavaScript's Math.round: halves round up, as Java's Math.round (not Python's round)
          values.add(jsNumber(start + Math.round((end - start) * ((double) i / (count - 1)))));
        }
        return values;
      }
      case "integer_generator_random_distribution_uniform": {
        double min = number(value, "min", 0);
        double max = number(value, "max", 10);
        MersenneTwister rng = rng(value, seeds);
        for (int i = 0; i < count(value); i++) {
          values.add(jsNumber(Math.floor(rng.random() * (max - min + 1)) + min));
        }
        return values;
      }
      default: {
        for (String part : split(text(value, "input", "1,2,3,4,5,6,7,8,9,10"),
            text(value, "splitOn", ","))) {
          Matcher m = JS_INT.matcher(jsTrim(part));
          if (m.find()) {
            // parseInt reads the leading digits only: "3.7" is 3, "12px" is 12
            values.add(jsNumber(new BigInteger(m.group().replace("+", "")).doubleValue()));
          }
        }
        return values;
      }
    }
  }

  private static MersenneTwister rng(JsonNode value, LongSupplier seeds) {
    JsonNode seed = value.get("seed");
    long s = seed != null && seed.isNumber() ? seed.asLong() : seeds.getAsLong();
    return new MersenneTwister(s);
  }

  /** {@code count} as {@code Array.from({length: count})} reads it (negative is none). */
  private static int count(JsonNode value) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, number(value, "count", 10)));
  }

  private static double number(JsonNode value, String field, double fallback) {
    JsonNode n = value.get(field);
    return n != null && n.isNumber() ? n.asDouble() : fallback;
  }

  private static String text(JsonNode value, String field, String fallback) {
    String text = WorkflowView.text(value, field);
    return text == null ? fallback : text;
  }

  /** A JavaScript number as {@code JSON.stringify} writes it. */
  static JsonNode jsNumber(double d) {
    if (!Double.isFinite(d)) {
      return JSON.nullNode();
    }
    if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
      long whole = (long) d;
      // int when it fits, as Jackson reads such a number back, so trees compare equal
      return whole == (int) whole ? JSON.numberNode((int) whole) : JSON.numberNode(whole);
    }
    return JSON.numberNode(d);
  }

  /**
   * {@code input.split(JSON.parse('"' + splitOn + '"'))}, falling back to the raw separator when it
   * is not a valid JSON string body (so {@code \n} means a newline); an empty separator keeps the
   * whole input. Unlike {@link String#split}, literal and keeping trailing empty parts.
   */
  static List<String> split(String input, String splitOn) {
    if (splitOn.isEmpty()) {
      return List.of(input);
    }
    String separator = jsonStringBody(splitOn);
    if (separator == null) {
      separator = splitOn;
    }
    List<String> parts = new ArrayList<>();
    if (separator.isEmpty()) {
      // "abc".split("") gives the UTF-16 code units
      for (char c : input.toCharArray()) {
        parts.add(String.valueOf(c));
      }
      return parts;
    }
    int from = 0;
    int at;
    while ((at = input.indexOf(separator, from)) >= 0) {
      parts.add(input.substring(from, at));
      from = at + separator.length();
    }
    parts.add(input.substring(from));
    return parts;
  }

  /** The decoded JSON string body, or null when {@code JSON.parse} would throw. */
  private static String jsonStringBody(String body) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"' || c < 0x20) {
        return null;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= body.length()) {
        return null;
      }
      char e = body.charAt(i);
      switch (e) {
        case '"': out.append('"'); break;
        case '\\': out.append('\\'); break;
        case '/': out.append('/'); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u':
          if (i + 4 >= body.length()) {
            return null;
          }
          String hex = body.substring(i + 1, i + 5);
          if (!hex.matches("[0-9a-fA-F]{4}")) {
            return null;
          }
          out.append((char) Integer.parseInt(hex, 16));
          i += 4;
          break;
        default:
          return null;
      }
    }
    return out.toString();
  }

  /** {@code String.prototype.trim}: JavaScript white space and line terminators. */
  static String jsTrim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJsSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJsSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isJsSpace(char c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0xFEFF
        || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.SPACE_SEPARATOR;
  }
}
