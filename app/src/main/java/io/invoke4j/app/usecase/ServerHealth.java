package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The answer of {@link ServerRepository#health()}: InvokeAI has no health route, so the version
 * route (open even on a multiuser server) is the probe.
 *
 * @param healthy whether the server answered the version route
 * @param version the version it reported, when healthy
 * @param problem why it is not healthy (the exception's message), when not
 * @param latency how long the probe took
 */
public record ServerHealth(boolean healthy, Optional<String> version, Optional<String> problem, Duration latency) {
  /** Checks the parts. */
  public ServerHealth {
    requireNonNull(version, "version == null");
    requireNonNull(problem, "problem == null");
    requireNonNull(latency, "latency == null");
  }
}
