package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldValue;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One user-facing input of a workflow, as the GUI's form (or, for an empty form, the legacy
 * {@code exposedFields}) lists it. {@link #index()} is the stable handle used to set values.
 */
@Value.Immutable
@InvokeStyle
public interface WorkflowInput {
  /** Position among the workflow's inputs, 0-based, in the order the GUI shows them. */
  int index();

  /**
   * What the GUI shows: the field's own {@code label} when not blank, else the field template's
   * title (which the file only rarely carries), else the field name.
   */
  String label();

  /** The input field's name on its node, e.g. {@code width}. */
  String fieldName();

  /** The id of the node holding the field. */
  String nodeId();

  /** The node's {@code data.label} when not blank, else its invocation type. */
  String nodeName();

  /** The node's invocation type, e.g. {@code img_resize}. */
  String nodeType();

  /** The field's type as the {@link io.invoke4j.domain.field.FieldTyper} decided it. */
  FieldType type();

  /** The field's current value; empty when the workflow carries none (absent or JSON null). */
  Optional<FieldValue> value();

  /**
   * Whether the node needs this input. The file carries no templates, so offline this is true only
   * for well-known required inputs of model-less nodes (e.g. {@code save_image.image}) or when the
   * field instance itself says {@code "required": true}.
   */
  boolean required();

  /** JSONPath of the value in the workflow, e.g. {@code $.nodes[2].data.inputs.width.value}. */
  String jsonPath();

  /** The form element's {@code settings} (component, min, max, options), when it has any. */
  Optional<JsonNode> settings();

  /** The id of the form element showing this input; empty when it comes from {@code exposedFields}. */
  Optional<String> formElementId();
}
