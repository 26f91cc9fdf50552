package io.invoke4j.domain.models;

import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** A model file or folder found by a folder scan ({@code FoundModel}). */
@Value.Immutable
@InvokeStyle
public interface FoundModel {
  /** The path on the server's disk. */
  String path();

  /** Whether a model with this path is installed already. */
  boolean installed();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FoundModel}. */
  final class Builder extends ImmutableFoundModel.Builder {}
}
