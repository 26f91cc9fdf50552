package io.invoke4j.e2e.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.ServerHealth;
import org.junit.jupiter.api.Test;

/** {@code client.server()} on the real single-user server, and the health of one that is not there. */
class ServerRepositoryIT {
  @Test
  void versionHealthConfigAndTemplates() {
    try (InvokeAIClient client = Servers.singleUser()) {
      ServerHealth health = client.server().health();

      assertThat(health.healthy()).isTrue();
      assertThat(health.version()).hasValueSatisfying(v -> assertThat(v).startsWith("6."));
      assertThat(client.server().version()).isEqualTo(health.version().orElseThrow());
      assertThat(client.server().maxQueueSize()).hasValueSatisfying(n -> assertThat(n).isPositive());
      assertThat(client.server().nodeCacheSize()).isPresent();
      assertThat(client.server().isMultiuser()).isFalse();
      assertThat(client.server().invocationTemplates().find("img_blur")).isPresent();
      assertThat(client.server().invocationTemplates().field("integer", "value")).isPresent();
    }
  }

  @Test
  void serverThatIsNotThereIsUnhealthyWithoutAnException() {
    try (InvokeAIClient client = InvokeAIClient.builder().baseUrl("http://127.0.0.1:9")
        .retryPolicy(io.invoke4j.adapter.http.RetryPolicy.none()).build()) {
      ServerHealth health = client.server().health();

      assertThat(health.healthy()).isFalse();
      assertThat(health.problem()).isPresent();
      assertThat(client.server().isHealthy()).isFalse();
    }
  }
}
