package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Objects;

/**
 * One option of an enum field (schedulers are enums too). {@code options} are the options known for
 * the field, empty when unknown; a value read from a file is kept even when it is not among them.
 */
public record EnumValue(String value, List<String> options) implements FieldValue {
  public EnumValue {
    Objects.requireNonNull(value, "value == null");
    options = List.copyOf(options);
  }

  @Override
  public JsonNode toJson() {
    return TextNode.valueOf(value);
  }
}
