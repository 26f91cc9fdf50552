package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;

/** A free text value. */
public record StringValue(String value) implements FieldValue {
  public StringValue {
    Objects.requireNonNull(value, "value == null");
  }

  @Override
  public JsonNode toJson() {
    return TextNode.valueOf(value);
  }
}
