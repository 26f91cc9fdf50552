package io.invoke4j.domain.field;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The input fields of InvokeAI's built-in nodes as one server version's schema describes them: their
 * type, whether they are required (the schema's {@code orig_required}: a value or a connection
 * must feed them) and the titles the GUI shows for them and their node. Offline, this is the nearest thing to the GUI's node templates; custom nodes and
 * fields a later InvokeAI adds are simply unknown here, and a typer built from the live server's
 * schema knows better.
 *
 * <p>The table is {@code builtin-inputs.tsv} next to this class, written by
 * {@code scripts/snapshot-node-inputs} from a running server's {@code /openapi.json}: one
 * tab-separated line per input with node type, field name, kind, required, enum options
 * ({@code |}-separated), field title and node title; {@code #} lines are comments, the first naming
 * the InvokeAI version. Tables written before the title columns existed still read (without titles).
 */
public final class BuiltInNodes implements NodeTitles {
  private static final String RESOURCE = "builtin-inputs.tsv";

  private final String invokeAiVersion;
  private final Map<String, Field> fields;

  private final Map<String, List<String>> requiredByNode;
  private final Map<String, String> nodeTitles;

  private record Field(Optional<FieldType> type, boolean required, Optional<String> title) {}

  private BuiltInNodes(String invokeAiVersion, Map<String, Field> fields, Map<String, String> nodeTitles) {
    this.invokeAiVersion = invokeAiVersion;
    this.fields = fields;
    this.nodeTitles = nodeTitles;
    Map<String, List<String>> required = new TreeMap<>();
    fields.forEach((key, field) -> {
      if (field.required()) {
        String[] nodeAndField = key.split("\t", 2);
        required.computeIfAbsent(nodeAndField[0], k -> new ArrayList<>()).add(nodeAndField[1]);
      }
    });
    required.values().forEach(Collections::sort);
    this.requiredByNode = Map.copyOf(required);
  }

  /** The table shipped with invoke4j (read once). */
  public static BuiltInNodes shipped() {
    return Shipped.INSTANCE;
  }

  /** The InvokeAI version whose schema the table was taken from, e.g. {@code 6.14.2}. */
  public String invokeAiVersion() {
    return invokeAiVersion;
  }

  /** The type of a built-in node's input; empty when the node or field is unknown or connection-only. */
  public Optional<FieldType> type(String nodeType, String fieldName) {
    Field field = fields.get(key(nodeType, fieldName));
    return field == null ? Optional.empty() : field.type();
  }

  /** Whether a built-in node's input is required; empty when the node or field is unknown. */
  public Optional<Boolean> required(String nodeType, String fieldName) {
    Field field = fields.get(key(nodeType, fieldName));
    return field == null ? Optional.empty() : Optional.of(field.required());
  }

  /**
   * The inputs a built-in node cannot run without (sorted by name); empty for an unknown node type
   * or one with no required input.
   */
  public List<String> requiredFields(String nodeType) {
    return requiredByNode.getOrDefault(nodeType, List.of());
  }

  /** The title the GUI shows for a built-in node, e.g. {@code Blur Image}; empty when unknown. */
  @Override
  public Optional<String> nodeTitle(String nodeType) {
    return Optional.ofNullable(nodeTitles.get(nodeType));
  }

  /** The title the GUI shows for a built-in node's input, e.g. {@code Start Frame}; empty when unknown. */
  @Override
  public Optional<String> fieldTitle(String nodeType, String fieldName) {
    Field field = fields.get(key(nodeType, fieldName));
    return field == null ? Optional.empty() : field.title();
  }

  private static String key(String nodeType, String fieldName) {
    return nodeType + '\t' + fieldName;
  }

  private static final class Shipped {
    static final BuiltInNodes INSTANCE = read();

    private static BuiltInNodes read() {
      try (InputStream in = BuiltInNodes.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the invoke4j-domain jar");
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String version = "unknown";
        Map<String, Field> fields = new HashMap<>();
        Map<String, String> nodeTitles = new HashMap<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("# invokeai ")) {
            version = line.substring("# invokeai ".length()).split(":", 2)[0].trim();
          } else if (!line.isBlank() && !line.startsWith("#")) {
            String[] columns = line.split("\t", -1);
            Optional<String> title = columns.length > 5 && !columns[5].isBlank()
                ? Optional.of(columns[5]) : Optional.empty();
            fields.put(key(columns[0], columns[1]),
                new Field(typeOf(columns[2], columns[4]), Boolean.parseBoolean(columns[3]), title));
            if (columns.length > 6 && !columns[6].isBlank()) {
              nodeTitles.put(columns[0], columns[6]);
            }
          }
        }
        return new BuiltInNodes(version, Map.copyOf(fields), Map.copyOf(nodeTitles));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }

  static Optional<FieldType> typeOf(String kind, String options) {
    if (kind.startsWith("collection<") && kind.endsWith(">")) {
      return typeOf(kind.substring("collection<".length(), kind.length() - 1), "")
          .map(FieldType::collectionOf);
    }
    switch (kind) {
      case "integer":
        return Optional.of(FieldType.INTEGER);
      case "float":
        return Optional.of(FieldType.FLOAT);
      case "string":
        return Optional.of(FieldType.STRING);
      case "boolean":
        return Optional.of(FieldType.BOOLEAN);
      case "scheduler":
        return Optional.of(FieldType.SCHEDULER);
      case "image":
        return Optional.of(FieldType.IMAGE);
      case "video":
        return Optional.of(FieldType.VIDEO);
      case "board":
        return Optional.of(FieldType.BOARD);
      case "model":
        return Optional.of(FieldType.MODEL);
      case "color":
        return Optional.of(FieldType.COLOR);
      case "enum":
        List<String> values = options.isEmpty() ? List.of() : Arrays.asList(options.split("\\|", -1));
        return Optional.of(FieldType.enumOf(values));
      default:
        return Optional.empty(); // connection-only (latents, conditioning, ...) or not a UI value
    }
  }
}
