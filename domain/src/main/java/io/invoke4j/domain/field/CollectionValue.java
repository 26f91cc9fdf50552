package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Objects;

/** A list of values of one element type, written as a JSON array. */
public record CollectionValue(FieldType elementType, List<FieldValue> items) implements FieldValue {
  public CollectionValue {
    Objects.requireNonNull(elementType, "elementType == null");
    items = List.copyOf(items);
  }

  @Override
  public JsonNode toJson() {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    items.forEach(item -> array.add(item.toJson()));
    return array;
  }
}
