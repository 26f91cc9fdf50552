package io.invoke4j.adapter.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.ports.ServerGateway;

/**
 * The version and an OpenAPI document of the in-memory server. The document is small: one schema
 * per InvokeAI 6.14.2 invocation with its type, scalar inputs and output reference, not the
 * server's full field metadata.
 */
public final class FakeServerGateway implements ServerGateway {
  private final MemoryInvokeAI server;
  private JsonNode schema;

  FakeServerGateway(MemoryInvokeAI server) {
    this.server = server;
  }

  @Override
  public String version() {
    return server.version;
  }

  @Override
  public synchronized JsonNode openApiSchema() {
    if (schema == null) {
      schema = server.catalog.openApi(server.version);
    }
    return schema;
  }

  /** The few keys of the test server's {@code invokeai.yaml} a client may look at. */
  @Override
  public JsonNode runtimeConfig() {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("host", "127.0.0.1").putNull("base_url").put("use_memory_db", true)
        .put("node_cache_size", 0).put("max_queue_size", 10000).put("multiuser", false);
    return config;
  }
}
