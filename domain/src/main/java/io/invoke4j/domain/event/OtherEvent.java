package io.invoke4j.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeStyle;
import org.immutables.value.Value;

/** An event this version does not model (model installs, downloads, workflows…): name and JSON. */
@Value.Immutable
@InvokeStyle
public interface OtherEvent extends InvokeEvent {
  @Override
  String name();

  @Override
  @Value.Auxiliary
  JsonNode raw();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OtherEvent}. */
  final class Builder extends ImmutableOtherEvent.Builder {}
}
