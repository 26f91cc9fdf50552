package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One input of a node template as the GUI builds it from the server's OpenAPI schema
 * ({@code buildFieldInputTemplate.ts}): its name and title, its InvokeAI field type and cardinality,
 * how it may be fed, its default and the constraints pydantic will check. {@link #fieldType()} is
 * the invoke4j {@link FieldType} for it; {@link #validate(FieldValue)} checks a value the way the
 * GUI does before it enqueues.
 */
@Value.Immutable
@InvokeStyle
public abstract class FieldTemplate {

  /**
   * Field types that hold a value of their own in the GUI (InvokeAI 6.14's
   * {@code STATEFUL_FIELD_TYPE_NAMES}); every other type only ever comes through an edge. Older
   * GUIs had one type per model kind ({@code MainModelField}, ...): see {@link #isStateful(String)}.
   */
  private static final Set<String> STATEFUL = Set.of(
      "IntegerField", "FloatField", "StringField", "BooleanField", "EnumField", "ImageField",
      "VideoField", "BoardField", "StylePresetField", "SystemPromptField", "ModelIdentifierField",
      "LoRAField", "ColorField", "SchedulerField", "SavedWorkflowField", "FloatGeneratorField",
      "IntegerGeneratorField", "StringGeneratorField", "ImageGeneratorField");

  /** The input's name, e.g. {@code radius}. */
  public abstract String name();

  /** The title the GUI shows: the schema's {@code title}, else the name in Start Case. */
  public abstract String title();

  /** The schema's description, empty when it has none. */
  @Value.Default
  public String description() {
    return "";
  }

  /** InvokeAI's field type name, e.g. {@code FloatField}, {@code ImageField}, {@code LatentsField}. */
  public abstract String typeName();

  /** Whether the field takes one value, a list, or either. */
  public abstract Cardinality cardinality();

  /** True for the batch nodes' list inputs (e.g. {@code image_batch.images}). */
  @Value.Default
  public boolean batch() {
    return false;
  }

  /** The schema's {@code ui_type}, when it overrides the type. */
  public abstract Optional<String> uiType();

  /** The schema's {@code ui_component}, e.g. {@code textarea}, {@code slider}. */
  public abstract Optional<String> uiComponent();

  /** The schema's {@code ui_hidden}. */
  @Value.Default
  public boolean uiHidden() {
    return false;
  }

  /** The schema's {@code ui_order}. */
  public abstract Optional<Integer> uiOrder();

  /** The schema's {@code orig_required}: a value or a connection must feed the field. */
  public abstract boolean required();

  /** True for {@code field_kind: internal} fields such as {@code board} and {@code metadata}. */
  @Value.Default
  public boolean internal() {
    return false;
  }

  /** The schema's {@code input}: connection, direct or any. */
  public abstract InputKind input();

  /**
   * The default the GUI puts into a new node: the schema's {@code default}, else the GUI's fallback
   * for the type ({@code 0}, {@code ""}, {@code false}, the first enum option, board {@code "auto"},
   * grey color, {@code []} for a required list); empty for connection-only types.
   */
  public abstract Optional<JsonNode> defaultValue();

  /** {@code minimum} (pydantic {@code ge}). */
  public abstract Optional<BigDecimal> minimum();

  /** {@code maximum} (pydantic {@code le}). */
  public abstract Optional<BigDecimal> maximum();

  /** {@code exclusiveMinimum} (pydantic {@code gt}). */
  public abstract Optional<BigDecimal> exclusiveMinimum();

  /** {@code exclusiveMaximum} (pydantic {@code lt}). */
  public abstract Optional<BigDecimal> exclusiveMaximum();

  /** {@code multipleOf}. */
  public abstract Optional<BigDecimal> multipleOf();

  /** {@code minLength} of a string (or of each string of a list). */
  public abstract Optional<Integer> minLength();

  /** {@code maxLength} of a string (or of each string of a list). */
  public abstract Optional<Integer> maxLength();

  /** {@code minItems} of a list. */
  public abstract Optional<Integer> minItems();

  /** {@code maxItems} of a list. */
  public abstract Optional<Integer> maxItems();

  /** The enum options, in schema order; empty when not an enum. */
  public abstract List<String> options();

  /**
   * True when the enum's options are JSON numbers (pydantic {@code Literal[256, 512]}): the field is
   * then typed {@link FieldType#INTEGER} or {@link FieldType#FLOAT} and checked against
   * {@link #options()}, since a string {@code "512"} is not what the server expects.
   */
  @Value.Default
  public boolean numericOptions() {
    return false;
  }

  /** The schema's {@code ui_choice_labels}: option → the label the GUI shows for it. */
  public abstract Map<String, String> choiceLabels();

  /** True when {@code typeName} holds a value of its own in the GUI rather than only via an edge. */
  public static boolean isStateful(String typeName) {
    return STATEFUL.contains(typeName) || typeName.endsWith("ModelField");
  }

  /**
   * True when only an edge can feed the field: its {@code input} is {@code connection}, or its type
   * has no value of its own (latents, conditioning, UNet, ...), whatever {@code input} says.
   */
  public boolean connectionOnly() {
    return input() == InputKind.CONNECTION || !isStateful(typeName());
  }

  /**
   * The invoke4j type of the field: {@link FieldType#RAW} for connection-only types and for stateful
   * ones invoke4j has no kind for (generators, style presets, LoRA lists). {@code T | list[T]}
   * counts as {@code T}, as in the offline table.
   */
  public FieldType fieldType() {
    return TemplateTypes.fieldType(this);
  }

  /**
   * The problems of {@code value} against this template, empty when it fits: a value that does not
   * fit {@link #fieldType()}, numbers outside {@code minimum}/{@code maximum}/exclusive bounds or not
   * a {@code multipleOf}, strings outside {@code minLength}/{@code maxLength}, lists outside
   * {@code minItems}/{@code maxItems} (and each item checked), enum values not among the options.
   * Whether a required field has a value, and connected fields, are the caller's business: the GUI
   * never checks the value of a connected field.
   */
  public List<FieldProblem> validate(FieldValue value) {
    return TemplateChecks.check(this, java.util.Objects.requireNonNull(value, "value == null"));
  }

  /** A builder, for templates made by hand (tests, fakes). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a template; name, title, type name, cardinality, required and input are required. */
  public static final class Builder extends ImmutableFieldTemplate.Builder {}
}
