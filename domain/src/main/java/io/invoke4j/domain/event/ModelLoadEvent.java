package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.models.ModelRecord;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code model_load_started} or {@code model_load_complete}: a node loads a model (or one of its
 * submodels) into the model cache. Sent to the user whose item loads it.
 */
@Value.Immutable
@InvokeStyle
public interface ModelLoadEvent extends InvokeEvent {
  @Override
  String name();

  @Override
  @Value.Auxiliary
  JsonNode raw();

  /** Whether the load is done ({@code model_load_complete}) rather than starting. */
  boolean complete();

  /** The model's config. */
  ModelRecord model();

  /** The submodel loaded, e.g. {@code unet}, {@code vae}; empty for the whole model. */
  Optional<String> submodelType();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ModelLoadEvent}. */
  final class Builder extends ImmutableModelLoadEvent.Builder {}
}
