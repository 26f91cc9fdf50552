package io.invoke4j.domain.field;

import java.util.Optional;

/**
 * One way to decide a field's type. Rules are asked in order; the first that answers wins, so a rule
 * answers only when it is sure and returns empty otherwise.
 */
@FunctionalInterface
public interface TypingRule {
  /** The type of the field described by {@code ctx}, or empty when this rule cannot tell. */
  Optional<FieldType> type(FieldContext ctx);
}
