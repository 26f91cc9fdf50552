package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.ports.ModelGateway;
import java.util.List;
import java.util.Optional;

/**
 * {@link ModelGateway} over {@code /api/v2/models}.
 *
 * <p>Every method may throw {@link InvokeHttpException} on an error status, {@link
 * InvokeTransportException} when the server cannot be reached and {@link InvokeProtocolException}
 * when its answer cannot be read. Thread-safe.
 */
public final class HttpModelGateway implements ModelGateway {
  private static final String MODELS = "api/v2/models/";

  private final InvokeHttp http;

  /** A gateway over {@code http}'s server. */
  public HttpModelGateway(InvokeHttp http) {
    this.http = requireNonNull(http, "http == null");
  }

  /** {@inheritDoc} An unknown base or type is a 422 from the server. */
  @Override
  public List<ModelRecord> list(Optional<String> base, Optional<String> type) {
    requireNonNull(base, "base == null");
    requireNonNull(type, "type == null");
    InvokeHttp.Request request = http.get(MODELS);
    base.ifPresent(b -> request.query("base_models", b));
    type.ifPresent(t -> request.query("model_type", t));
    return ModelMapper.toModelRecords(request.sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<ModelRecord> find(ModelKey key) {
    requireNonNull(key, "key == null");
    return http.get(MODELS + "i/" + InvokeHttp.seg(key.value())).findJson()
        .map(ModelMapper::toModelRecord);
  }
}
