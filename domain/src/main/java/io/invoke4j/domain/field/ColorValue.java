package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An RGBA color, each channel 0..255, written as {@code {"r":..,"g":..,"b":..,"a":..}}. */
public record ColorValue(int r, int g, int b, int a) implements FieldValue {
  public ColorValue {
    for (int channel : new int[] {r, g, b, a}) {
      if (channel < 0 || channel > 255) {
        throw new IllegalArgumentException("color channels must be 0..255: " + r + "," + g + "," + b + "," + a);
      }
    }
  }

  @Override
  public JsonNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("r", r);
    node.put("g", g);
    node.put("b", b);
    node.put("a", a);
    return node;
  }
}
