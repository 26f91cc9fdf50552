package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.util.Objects;

/**
 * A floating point number (InvokeAI {@code FloatField}). It remembers how the number was written:
 * the GUI stores {@code 1} for a float field set to one, and that must come back as {@code 1}, not
 * {@code 1.0}. Two values are equal when their numbers are.
 */
public final class FloatValue implements FieldValue {
  private final double value;
  private final JsonNode json;

  private FloatValue(double value, JsonNode json) {
    this.value = value;
    this.json = json;
  }

  /** The value {@code value}, written as a JSON double; IllegalArgumentException when not finite. */
  public static FloatValue of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("expected a finite float, got " + value);
    }
    return new FloatValue(value, DoubleNode.valueOf(value));
  }

  /** The value of a JSON number, kept as written; IllegalArgumentException when not a finite number. */
  public static FloatValue ofJson(JsonNode number) {
    Objects.requireNonNull(number, "number == null");
    if (!number.isNumber() || !Double.isFinite(number.doubleValue())) {
      throw new IllegalArgumentException("expected a finite JSON number, got " + number);
    }
    return new FloatValue(number.doubleValue(), number.deepCopy());
  }

  public double value() {
    return value;
  }

  @Override
  public JsonNode toJson() {
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatValue other && Double.compare(value, other.value) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value);
  }

  @Override
  public String toString() {
    return "FloatValue[" + json + "]";
  }
}
