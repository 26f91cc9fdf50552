package io.invoke4j.domain.image;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** The name of an image on the server ({@code image_name}, e.g. {@code 4f0c….png}). */
@Value.Immutable(builder = false)
@InvokeStyle
public interface ImageName {
  /** The id as the server spells it. */
  @Value.Parameter
  String value();

  /** The id {@code value}. */
  static ImageName of(String value) {
    return ImmutableImageName.of(value);
  }

  @Value.Check
  default void check() {
    if (value().isBlank()) {
      throw new IllegalArgumentException("ImageName must not be blank");
    }
  }
}
