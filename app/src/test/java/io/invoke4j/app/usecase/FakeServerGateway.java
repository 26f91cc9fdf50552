package io.invoke4j.app.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.ports.ServerGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** InvokeAI 6.14.2 as recorded: its version and OpenAPI schema (the domain's test fixture). */
public final class FakeServerGateway implements ServerGateway {
  private static final Path SCHEMA = Path.of("../domain/src/test/resources/io/invoke4j/domain/field/openapi-6.14.2.json");
  private static JsonNode schema;

  private final AtomicInteger schemaReads = new AtomicInteger();

  @Override
  public String version() {
    return "6.14.2";
  }

  @Override
  public JsonNode openApiSchema() {
    schemaReads.incrementAndGet();
    return recorded();
  }

  public int schemaReads() {
    return schemaReads.get();
  }

  private static synchronized JsonNode recorded() {
    if (schema == null) {
      try {
        schema = new ObjectMapper().readTree(SCHEMA.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }

  /** An empty configuration: no test here reads it. */
  @Override
  public JsonNode runtimeConfig() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }
}
