package io.invoke4j.app.cli;

import io.invoke4j.app.InvokeAIClient;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --url} and {@code --token} of every command that talks to a server, with their
 * environment fallbacks ({@code INVOKEAI_URL}, {@code INVOKEAI_TOKEN}, {@code INVOKEAI_EMAIL} +
 * {@code INVOKEAI_PASSWORD}). A mixin; the factory that connects is given by {@link CliFactory}.
 */
final class ServerOptions {
  static final String DEFAULT_URL = "http://127.0.0.1:9090";
  /** The {@code --url} of a demo server in this JVM, without models, forgotten at exit. */
  static final String MEMORY_URL = "memory:";

  private final ClientFactory clients;
  private final Map<String, String> env;

  @Option(names = "--url", paramLabel = "URL",
      description = "The InvokeAI server (default: $INVOKEAI_URL, else " + DEFAULT_URL + "); " + MEMORY_URL
          + " for a demo server in this process, without models, that forgets everything at exit.")
  String url;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Bearer token of a multiuser server (default: $INVOKEAI_TOKEN; or log in with"
          + " $INVOKEAI_EMAIL and $INVOKEAI_PASSWORD).")
  String token;

  ServerOptions(ClientFactory clients, Map<String, String> env) {
    this.clients = clients;
    this.env = env;
  }

  String url() {
    return url != null ? url : env.getOrDefault("INVOKEAI_URL", DEFAULT_URL);
  }

  /** Whether {@code --url} was given on the command line (not taken from the environment). */
  boolean urlGiven() {
    return url != null;
  }

  Optional<String> token() {
    return Optional.ofNullable(token != null ? token : env.get("INVOKEAI_TOKEN")).filter(t -> !t.isBlank());
  }

  /** Email and password from the environment (never options: they would show in {@code ps}). */
  Optional<String[]> credentials() {
    String email = env.get("INVOKEAI_EMAIL");
    String password = env.get("INVOKEAI_PASSWORD");
    if (token().isPresent() || email == null || password == null) {
      return Optional.empty();
    }
    return Optional.of(new String[] {email, password});
  }

  InvokeAIClient connect() {
    try {
      return clients.connect(this);
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.USAGE, "--url " + url() + ": " + e.getMessage());
    }
  }
}
