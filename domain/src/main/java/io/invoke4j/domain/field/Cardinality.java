package io.invoke4j.domain.field;

/** How many values a field takes, as the GUI's {@code parseFieldType} resolves it. */
public enum Cardinality {
  /** One value of the type. */
  SINGLE,
  /** A list of values of the type ({@code list[T]}). */
  COLLECTION,
  /** One value or a list of them ({@code T | list[T]}). */
  SINGLE_OR_COLLECTION
}
