package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link TypingRule} may look at to type one input field: the node's invocation type, the
 * field name, the field instance JSON ({@code {name, label, value?}}), the form element's settings
 * and the whole node JSON. JSON attributes are read-only by agreement.
 */
@Value.Immutable
@InvokeStyle
public interface FieldContext {
  /** The invocation type of the node, e.g. {@code img_resize}. */
  String nodeType();

  /** The input field's name, e.g. {@code width}. */
  String fieldName();

  /** The field instance JSON from {@code data.inputs.<fieldName>}. */
  JsonNode field();

  /** The form element's {@code settings}, if the input comes from a form element that has them. */
  Optional<JsonNode> settings();

  /** The whole node JSON. */
  JsonNode node();

  /** The field's {@code value}, empty when absent or JSON null. */
  default Optional<JsonNode> value() {
    JsonNode value = field().get("value");
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a context; every attribute but {@code settings} is required. */
  final class Builder extends ImmutableFieldContext.Builder {}
}
