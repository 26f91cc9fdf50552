package io.invoke4j.domain.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeStyle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * One {@code BatchDatum} of an enqueue request: the values {@link #items()} that replace field
 * {@link #fieldName()} of graph node {@link #nodePath()}, one per session.
 *
 * <p>The server writes the items into the node verbatim and only type-checks them when the session
 * runs; all items should share a type (ints and floats may mix).
 */
@Value.Immutable
@InvokeStyle
public interface BatchDatum {
  /** The id of the graph node that receives the values. */
  String nodePath();

  /** The input field of that node. */
  String fieldName();

  /** The values, one per session; images are {@code {"image_name": ..}}. */
  List<JsonNode> items();

  /**
   * A datum of plain Java values: {@link String}, {@link Boolean}, integral and floating numbers
   * ({@link Integer}, {@link Long}, {@link Double}, {@link BigDecimal}, ...) and {@link JsonNode}.
   *
   * @throws IllegalArgumentException for any other item type
   */
  static BatchDatum of(String nodePath, String fieldName, List<?> items) {
    List<JsonNode> json = new ArrayList<>(items.size());
    for (Object item : items) {
      json.add(toJson(item));
    }
    return builder().nodePath(nodePath).fieldName(fieldName).items(json).build();
  }

  /** A datum of images, each sent as {@code {"image_name": name}}. */
  static BatchDatum ofImages(String nodePath, String fieldName, List<String> imageNames) {
    List<JsonNode> json = new ArrayList<>(imageNames.size());
    for (String name : imageNames) {
      json.add(JsonNodeFactory.instance.objectNode().put("image_name", name));
    }
    return builder().nodePath(nodePath).fieldName(fieldName).items(json).build();
  }

  /** The number of items, i.e. of sessions this datum alone would give. */
  default int size() {
    return items().size();
  }

  /** The datum as sent: {@code {"node_path", "field_name", "items"}}. */
  default ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("node_path", nodePath());
    json.put("field_name", fieldName());
    ArrayNode array = json.putArray("items");
    items().forEach(item -> array.add(item.deepCopy()));
    return json;
  }

  private static JsonNode toJson(Object item) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (item instanceof JsonNode) {
      return ((JsonNode) item).deepCopy();
    } else if (item instanceof String) {
      return json.textNode((String) item);
    } else if (item instanceof Boolean) {
      return json.booleanNode((Boolean) item);
    } else if (item instanceof Integer || item instanceof Short || item instanceof Byte) {
      return json.numberNode(((Number) item).intValue());
    } else if (item instanceof Long) {
      return json.numberNode((Long) item);
    } else if (item instanceof Double || item instanceof Float) {
      return json.numberNode(((Number) item).doubleValue());
    } else if (item instanceof BigDecimal) {
      return json.numberNode((BigDecimal) item);
    } else if (item instanceof BigInteger) {
      return json.numberNode((BigInteger) item);
    }
    throw new IllegalArgumentException("unsupported batch item type: "
        + (item == null ? "null" : item.getClass().getName()));
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BatchDatum}. */
  final class Builder extends ImmutableBatchDatum.Builder {}
}
