package io.invoke4j.domain.queue;

import io.invoke4j.domain.InvokeStyle;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.immutables.value.Value;

/** Settings of {@link GraphBuilder} that the GUI takes from its own state. */
@Value.Immutable
@InvokeStyle
public interface GraphOptions {
  /**
   * The board that board inputs set to {@code "auto"} (or left empty) are saved to - the GUI's
   * "auto-add board". Empty (the GUI's default, {@code "none"}) omits such inputs, so images go to
   * "uncategorized".
   */
  Optional<String> autoAddBoardId();

  /** Supplies the graph id; a random UUID by default, as the GUI. Inject a fixed one in tests. */
  @Value.Default
  default Supplier<String> idSupplier() {
    return () -> UUID.randomUUID().toString();
  }

  /** The defaults: no auto-add board, random graph ids. */
  static GraphOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GraphOptions}. */
  final class Builder extends ImmutableGraphOptions.Builder {}
}
