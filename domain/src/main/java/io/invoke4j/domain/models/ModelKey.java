package io.invoke4j.domain.models;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** The key of an installed model ({@code key}); it changes when a model is converted. */
@Value.Immutable(builder = false)
@InvokeStyle
public interface ModelKey {
  /** The id as the server spells it. */
  @Value.Parameter
  String value();

  /** The id {@code value}. */
  static ModelKey of(String value) {
    return ImmutableModelKey.of(value);
  }

  @Value.Check
  default void check() {
    if (value().isBlank()) {
      throw new IllegalArgumentException("ModelKey must not be blank");
    }
  }
}
