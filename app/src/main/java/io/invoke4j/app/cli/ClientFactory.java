package io.invoke4j.app.cli;

import io.invoke4j.app.InvokeAIClient;

/** How a command gets its client: over HTTP in the CLI, over swapped fake ports in tests. */
@FunctionalInterface
interface ClientFactory {
  /** A connected client for {@code server}'s URL and credentials; the caller closes it. */
  InvokeAIClient connect(ServerOptions server);

  /** The real one: HTTP to {@code --url}, authenticated as the options say. */
  static ClientFactory http() {
    return server -> {
      InvokeAIClient.Builder builder = InvokeAIClient.builder().baseUrl(server.url());
      server.token().ifPresent(builder::token);
      server.credentials().ifPresent(c -> builder.credentials(c[0], c[1]));
      return builder.build();
    };
  }
}
