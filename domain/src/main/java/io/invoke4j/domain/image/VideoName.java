package io.invoke4j.domain.image;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** The name of a video on the server ({@code video_name}). */
@Value.Immutable(builder = false)
@InvokeStyle
public interface VideoName {
  /** The id as the server spells it. */
  @Value.Parameter
  String value();

  /** The id {@code value}. */
  static VideoName of(String value) {
    return ImmutableVideoName.of(value);
  }

  @Value.Check
  default void check() {
    if (value().isBlank()) {
      throw new IllegalArgumentException("VideoName must not be blank");
    }
  }
}
