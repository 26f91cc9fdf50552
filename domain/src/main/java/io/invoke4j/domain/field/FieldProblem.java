package io.invoke4j.domain.field;

import java.util.Objects;

/**
 * One way a value breaks its field template's constraints, e.g. {@code radius} below its
 * {@code minimum} of 0. {@code message} is a sentence for people, naming the field, the value and
 * the limit.
 *
 * @param fieldName the input field's name, e.g. {@code radius}
 * @param constraint the constraint the value breaks
 * @param message what is wrong, e.g. {@code radius: -1 is less than the minimum 0}
 */
public record FieldProblem(String fieldName, Constraint constraint, String message) {

  /** The template constraints a value can break (JSON-schema keywords, as pydantic writes them). */
  public enum Constraint {
    /** The value does not fit the field's type at all. */
    TYPE,
    /** {@code minimum} (pydantic {@code ge}). */
    MINIMUM,
    /** {@code maximum} (pydantic {@code le}). */
    MAXIMUM,
    /** {@code exclusiveMinimum} (pydantic {@code gt}). */
    EXCLUSIVE_MINIMUM,
    /** {@code exclusiveMaximum} (pydantic {@code lt}). */
    EXCLUSIVE_MAXIMUM,
    /** {@code multipleOf}. */
    MULTIPLE_OF,
    /** {@code minLength} of a string. */
    MIN_LENGTH,
    /** {@code maxLength} of a string. */
    MAX_LENGTH,
    /** {@code minItems} of a collection. */
    MIN_ITEMS,
    /** {@code maxItems} of a collection. */
    MAX_ITEMS,
    /** One of the enum options. */
    ENUM
  }

  /** Checks nothing is null. */
  public FieldProblem {
    Objects.requireNonNull(fieldName, "fieldName == null");
    Objects.requireNonNull(constraint, "constraint == null");
    Objects.requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return message;
  }
}
