package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.field.NodeTemplates;
import io.invoke4j.ports.ServerGateway;
import java.time.Duration;
import java.util.Optional;

/**
 * The server as {@code client.server()} offers it: every {@link ServerGateway} call, plus a health
 * probe, the few configuration values a client needs, and the invocation (node) templates derived
 * from the OpenAPI schema (read once, kept).
 *
 * <p>Methods may throw {@link io.invoke4j.domain.InvokeHttpException},
 * {@link io.invoke4j.domain.InvokeTransportException} or
 * {@link io.invoke4j.domain.InvokeProtocolException}, except {@link #health()}. Thread-safe.
 */
public final class ServerRepository implements ServerGateway {
  private final ServerGateway server;
  private final ServerTemplates templates;

  /** A repository over {@code server}. */
  public ServerRepository(ServerGateway server) {
    this.server = requireNonNull(server, "server == null");
    this.templates = new ServerTemplates(server);
  }

  /** {@inheritDoc} */
  @Override
  public String version() {
    return server.version();
  }

  /** {@inheritDoc} */
  @Override
  public JsonNode openApiSchema() {
    return server.openApiSchema();
  }

  /** {@inheritDoc} */
  @Override
  public JsonNode runtimeConfig() {
    return server.runtimeConfig();
  }

  /**
   * Probes the server with its version route (InvokeAI has no health route) and never throws: a
   * failure is reported in the result.
   */
  public ServerHealth health() {
    long start = System.nanoTime();
    try {
      String version = server.version();
      return new ServerHealth(true, Optional.of(version), Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
    } catch (InvokeException e) {
      return new ServerHealth(false, Optional.empty(), Optional.of(e.getMessage()),
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** Whether the server answers its version route now. */
  public boolean isHealthy() {
    return health().healthy();
  }

  /**
   * The server's invocation templates (every node type with its typed input fields), from its
   * OpenAPI schema, read on the first call and kept.
   */
  public NodeTemplates invocationTemplates() {
    return templates.get();
  }

  /**
   * The server's {@code max_queue_size} (how many items the queue takes before an enqueue is cut
   * short); empty when the configuration does not say. Admin-only on a multiuser server.
   */
  public Optional<Integer> maxQueueSize() {
    return intConfig("max_queue_size");
  }

  /**
   * The server's {@code node_cache_size} (0: identical nodes are re-run, not answered from the
   * cache); empty when the configuration does not say. Admin-only on a multiuser server.
   */
  public Optional<Integer> nodeCacheSize() {
    return intConfig("node_cache_size");
  }

  /** Whether the server runs in multiuser mode, as its configuration says (admin-only there). */
  public boolean isMultiuser() {
    return runtimeConfig().path("multiuser").asBoolean(false);
  }

  private Optional<Integer> intConfig(String key) {
    JsonNode value = runtimeConfig().get(key);
    return value != null && value.canConvertToInt() ? Optional.of(value.asInt()) : Optional.empty();
  }

  /** The gateway underneath (the HTTP adapter, or the port swapped in the builder). */
  public ServerGateway gateway() {
    return server;
  }

  @Override
  public String toString() {
    return "ServerRepository[" + server + "]";
  }
}
