package io.invoke4j.ports;

import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import java.util.List;
import java.util.Optional;

/**
 * The server's installed models ({@code /api/v2/models}).
 *
 * <p>Every method may throw {@link io.invoke4j.domain.InvokeHttpException} on an error status,
 * {@link io.invoke4j.domain.InvokeTransportException} when the server cannot be reached and
 * {@link io.invoke4j.domain.InvokeProtocolException} when its answer cannot be read.
 */
public interface ModelGateway {
  /**
   * The installed models, filtered by base (e.g. {@code sdxl}) and type (e.g. {@code main}) when
   * given; empty when none match (a server without models).
   */
  List<ModelRecord> list(Optional<String> base, Optional<String> type);

  /** The model with {@code key}; empty when none is installed. */
  Optional<ModelRecord> find(ModelKey key);
}
