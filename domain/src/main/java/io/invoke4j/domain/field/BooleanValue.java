package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/** A boolean value. */
public record BooleanValue(boolean value) implements FieldValue {
  @Override
  public JsonNode toJson() {
    return BooleanNode.valueOf(value);
  }
}
