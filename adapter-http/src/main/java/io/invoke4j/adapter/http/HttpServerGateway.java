package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.ports.ServerGateway;

/**
 * {@link ServerGateway} over {@code /api/v1/app/version} and {@code /openapi.json} (both open, even
 * on a multiuser server).
 *
 * <p>Methods may throw {@link InvokeHttpException} on an error status, {@link
 * InvokeTransportException} when the server cannot be reached and {@link InvokeProtocolException}
 * when its answer cannot be read. Thread-safe.
 */
public final class HttpServerGateway implements ServerGateway {
  private final InvokeHttp http;
  private final Object schemaLock = new Object();
  private volatile JsonNode schema;

  /** A gateway over {@code http}'s server. */
  public HttpServerGateway(InvokeHttp http) {
    this.http = requireNonNull(http, "http == null");
  }

  /** {@inheritDoc} */
  @Override
  public String version() {
    JsonNode json = http.get("api/v1/app/version").sendJson();
    return Json.text(json, "version").orElseThrow(
        () -> new InvokeProtocolException("GET api/v1/app/version answered without a version"));
  }

  /**
   * {@inheritDoc} The first call fetches it (concurrent first calls wait for one fetch); a failed
   * fetch is not cached. The document is large (about 1.8 MB for 6.14.2) and read-only by agreement.
   */
  @Override
  public JsonNode openApiSchema() {
    JsonNode cached = schema;
    if (cached != null) {
      return cached;
    }
    synchronized (schemaLock) {
      if (schema == null) {
        JsonNode json = http.get("openapi.json").sendJson();
        if (!json.isObject()) {
          throw new InvokeProtocolException("GET openapi.json did not answer with a JSON object");
        }
        schema = json;
      }
      return schema;
    }
  }

  /** {@inheritDoc} */
  @Override
  public JsonNode runtimeConfig() {
    JsonNode json = http.get("api/v1/app/runtime_config").sendJson();
    JsonNode config = Json.member(json, "config");
    if (config == null || !config.isObject()) {
      throw new InvokeProtocolException("GET api/v1/app/runtime_config answered without a config object");
    }
    return config;
  }
}
