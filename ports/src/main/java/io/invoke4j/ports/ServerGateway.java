package io.invoke4j.ports;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the server is: its version and its OpenAPI schema (from which node and field templates are
 * derived).
 *
 * <p>Every method may throw {@link io.invoke4j.domain.InvokeHttpException} on an error status,
 * {@link io.invoke4j.domain.InvokeTransportException} when the server cannot be reached and
 * {@link io.invoke4j.domain.InvokeProtocolException} when its answer cannot be read.
 */
public interface ServerGateway {
  /** The InvokeAI version, e.g. {@code 6.14.2} ({@code GET /api/v1/app/version}, also a health probe). */
  String version();

  /**
   * The server's OpenAPI document ({@code GET /openapi.json}), read once and cached by the
   * implementation; a standard document that the domain's schema reader parses into templates.
   */
  JsonNode openApiSchema();

  /**
   * The server's runtime configuration ({@code GET /api/v1/app/runtime_config}'s {@code config}:
   * every key of {@code invokeai.yaml}, secrets masked). Admin-only on a multiuser server.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 403 for a user who is not an admin
   */
  JsonNode runtimeConfig();
}
