package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;

/** A whole number (InvokeAI {@code IntegerField}). */
public record IntegerValue(long value) implements FieldValue {
  @Override
  public JsonNode toJson() {
    // the same node class Jackson's parser produces for the number, so a read value compares equal
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }
}
