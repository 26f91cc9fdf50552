package io.invoke4j.ports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ServerGateway} shares with InvokeAI 6.14's app routes. */
public abstract class ServerGatewayContract {
  /** The server under test. */
  protected abstract ServerGateway server();

  /** Called after each test: close what the subclass opened. */
  protected void afterContract() {}

  @AfterEach
  final void close() {
    afterContract();
  }

  @Test
  public void versionIsADottedNumber() {
    assertThat(server().version()).isNotBlank().matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  public void openApiSchemaHasTheInvocationSchemas() {
    JsonNode schemas = server().openApiSchema().path("components").path("schemas");

    assertThat(schemas.isObject()).isTrue();
    assertThat(schemas.has("IntegerInvocation")).isTrue();
    assertThat(schemas.has("AddInvocation")).isTrue();
    assertThat(schemas.path("IntegerInvocation").path("properties").has("value")).isTrue();
  }

  @Test
  public void openApiSchemaIsReadOnce() {
    assertThat(server().openApiSchema()).isSameAs(server().openApiSchema());
  }

  @Test
  public void runtimeConfigHasTheQueueSettings() {
    JsonNode config = server().runtimeConfig();

    assertThat(config.path("max_queue_size").canConvertToInt()).isTrue();
    assertThat(config.path("node_cache_size").canConvertToInt()).isTrue();
  }
}
