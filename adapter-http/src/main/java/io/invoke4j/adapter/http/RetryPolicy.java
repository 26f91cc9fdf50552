package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently {@link InvokeHttp} repeats a request that failed in a way worth
 * repeating: a connection that could not be opened, or a 502/503/504 from the server or a proxy in
 * front of it. Only requests that are safe to repeat (reads, PUT, DELETE) are repeated on an error
 * status; an enqueue is never repeated blindly (see {@link HttpQueueGateway#enqueue}).
 *
 * <p>The wait before attempt {@code n + 1} is drawn uniformly from {@code [0, min(max, initial *
 * 2^(n-1))]} ("full jitter"), so that many clients retrying at once do not hit the server in step.
 */
public final class RetryPolicy {
  private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  /** Four attempts, waiting up to 200 ms, then 400 ms, then 800 ms (doubling, capped at 5 s). */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt: every failure is reported at once. */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * A policy of {@code maxAttempts} attempts in all (1 = no retry), the first wait drawn from up to
   * {@code initialBackoff}, doubling per attempt, never above {@code maxBackoff}.
   *
   * @throws IllegalArgumentException when {@code maxAttempts < 1}, a duration is negative or
   *     {@code maxBackoff < initialBackoff}
   */
  public static RetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    requireNonNull(initialBackoff, "initialBackoff == null");
    requireNonNull(maxBackoff, "maxBackoff == null");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("negative backoff");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff < initialBackoff");
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
  }

  /** The number of attempts in all, at least 1. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The upper bound of the first wait. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The cap of every wait. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The wait before attempt {@code failedAttempts + 1}, with full jitter. */
  Duration backoff(int failedAttempts) {
    long cap = maxBackoff.toMillis();
    long ceiling = initialBackoff.toMillis();
    for (int i = 1; i < failedAttempts && ceiling < cap; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, cap);
    if (ceiling <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + "}";
  }
}
