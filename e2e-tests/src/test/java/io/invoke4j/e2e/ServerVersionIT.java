package io.invoke4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerVersionIT {

  private final InvokeAiServer server = InvokeAiServer.fromEnvironment();

  @Test
  void serverIsInvokeAi6() {
    assertThat(server.client().server().version()).matches("6\\.\\d+\\.\\d+.*");
  }
}
