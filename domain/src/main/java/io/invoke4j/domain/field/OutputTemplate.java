package io.invoke4j.domain.field;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/**
 * One output of a node template as the GUI builds it from the server's OpenAPI schema
 * ({@code parseSchema.ts}, {@code buildFieldOutputTemplate.ts}): what an edge leaving it carries,
 * which the GUI checks against the input at the other end before it keeps the edge.
 */
@Value.Immutable
@InvokeStyle
public abstract class OutputTemplate {

  /** The output's name, e.g. {@code image}; edges name it as their {@code sourceHandle}. */
  public abstract String name();

  /** The title the GUI shows: the schema's {@code title}, else the name in Start Case. */
  public abstract String title();

  /** InvokeAI's field type name, e.g. {@code ImageField}, {@code LatentsField}. */
  public abstract String typeName();

  /** Whether the output carries one value, a list, or either. */
  public abstract Cardinality cardinality();

  /** True for the generator nodes' list outputs (e.g. {@code integer_generator.integers}). */
  @Value.Default
  public boolean batch() {
    return false;
  }

  /** A builder, for templates made by hand (tests, fakes). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an output template; name, title, type name and cardinality are required. */
  public static final class Builder extends ImmutableOutputTemplate.Builder {}
}
