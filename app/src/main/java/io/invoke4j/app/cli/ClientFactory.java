package io.invoke4j.app.cli;

import io.invoke4j.app.InvokeAIClient;

/** How a command gets its client: over HTTP in the CLI, over swapped fake ports in tests. */
@FunctionalInterface
interface ClientFactory {
  /** A connected client for {@code server}'s URL and credentials; the caller closes it. */
  InvokeAIClient connect(ServerOptions server);

  /**
   * The real one: HTTP to {@code --url}, authenticated as the options say; {@code --url memory:}
   * starts a server in memory instead, which lives as long as the client (one command).
   */
  static ClientFactory http() {
    return server -> {
      if (ServerOptions.MEMORY_URL.equals(server.url())) {
        return InvokeAIClient.inMemory();
      }
      InvokeAIClient.Builder builder = InvokeAIClient.builder().baseUrl(server.url());
      server.token().ifPresent(builder::token);
      server.credentials().ifPresent(c -> builder.credentials(c[0], c[1]));
      return builder.build();
    };
  }
}
