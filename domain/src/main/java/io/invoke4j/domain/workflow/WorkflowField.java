package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldValue;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One input field of an invocation node, whether or not the form shows it, typed by the
 * definition's {@link io.invoke4j.domain.field.FieldTyper}. Set one with
 * {@link WorkflowDefinition#withFieldValue(String, String, Object)}.
 */
@Value.Immutable
@InvokeStyle
public interface WorkflowField {
  /** The id of the node holding the field. */
  String nodeId();

  /** The node's invocation type, e.g. {@code main_model_loader}. */
  String nodeType();

  /** The field's name on its node, e.g. {@code model}. */
  String name();

  /**
   * What the GUI shows, as for {@link WorkflowInput#label()}: the field's own {@code label} when not
   * blank, else the template's title, else the field name.
   */
  String label();

  /**
   * The field's type. When the form shows the field, the form element's settings count as they do
   * for the {@link WorkflowInput}, so both views of a field have the same type.
   */
  FieldType type();

  /** The field's current value; empty when the workflow carries none (absent or JSON null). */
  Optional<FieldValue> value();

  /** JSONPath of the value in the workflow, e.g. {@code $.nodes[2].data.inputs.model.value}. */
  String jsonPath();

  /**
   * The field instance as the workflow holds it ({@code {name, label, value?}}); read-only by
   * agreement. Unlike {@link #value()} it tells an absent value (omitted from the graph) from an
   * explicit {@code null} (sent as {@code null}), which the graph builder must keep apart.
   */
  @Value.Auxiliary
  JsonNode json();
}
