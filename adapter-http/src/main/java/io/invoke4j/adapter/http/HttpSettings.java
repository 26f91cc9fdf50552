package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the InvokeAI server is and how to talk to it: base URL, authentication, timeouts, retries
 * and the queue id. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * HttpSettings settings = HttpSettings.builder()
 *     .baseUrl(URI.create("https://example.org/invoke/"))
 *     .credentials("me@example.org", password)
 *     .build();
 * }</pre>
 *
 * <p>The token and the password never appear in {@link #toString()}.
 */
public final class HttpSettings {
  private final URI baseUrl;
  private final String token;
  private final String email;
  private final String password;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final RetryPolicy retryPolicy;
  private final String queueId;

  private HttpSettings(Builder b) {
    this.baseUrl = normalise(b.baseUrl);
    this.token = b.token;
    this.email = b.email;
    this.password = b.password;
    this.connectTimeout = b.connectTimeout;
    this.responseTimeout = b.responseTimeout;
    this.retryPolicy = b.retryPolicy;
    this.queueId = b.queueId;
  }

  /** A builder with the defaults: 10 s connect, 60 s response timeout, {@link RetryPolicy#defaults()}, queue {@code default}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The server's base URL, always ending in {@code /}; may include a reverse-proxy sub-path such as
   * {@code http://host/invoke/}. API paths ({@code api/v1/...}) are resolved against it.
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long to wait for a response (and between bytes of it). */
  public Duration responseTimeout() {
    return responseTimeout;
  }

  /** The retry policy for requests that are safe to repeat. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The session queue id ({@code default}, as the GUI uses). */
  public String queueId() {
    return queueId;
  }

  /** Whether requests are authenticated (a token or credentials were given). */
  public boolean authenticates() {
    return token != null || email != null;
  }

  Optional<String> token() {
    return Optional.ofNullable(token);
  }

  Optional<String> email() {
    return Optional.ofNullable(email);
  }

  Optional<String> password() {
    return Optional.ofNullable(password);
  }

  @Override
  public String toString() {
    String auth = email != null ? "credentials" : token != null ? "token" : "none";
    return "HttpSettings{baseUrl=" + baseUrl + ", auth=" + auth + ", connectTimeout=" + connectTimeout
        + ", responseTimeout=" + responseTimeout + ", retryPolicy=" + retryPolicy + ", queueId="
        + queueId + "}";
  }

  private static URI normalise(URI uri) {
    String text = uri.toString();
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + uri);
    }
    // resolve("api/v1/x") drops the last path segment unless the base ends with '/'
    return text.endsWith("/") ? uri : URI.create(text + "/");
  }

  /** Builds {@link HttpSettings}; only {@link #baseUrl(URI)} is required. */
  public static final class Builder {
    private URI baseUrl;
    private String token;
    private String email;
    private String password;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String queueId = "default";

    private Builder() {}

    /**
     * The server's base URL, e.g. {@code http://127.0.0.1:9090} or, behind a reverse proxy,
     * {@code https://host/invoke}; a missing trailing slash is added.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL
     */
    public Builder baseUrl(URI baseUrl) {
      requireNonNull(baseUrl, "baseUrl == null");
      String scheme = baseUrl.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
          || baseUrl.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /** A bearer token for a multiuser server (replaces any credentials given before). */
    public Builder token(String token) {
      requireNonNull(token, "token == null");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token is blank");
      }
      this.token = token;
      this.email = null;
      this.password = null;
      return this;
    }

    /**
     * Email and password for a multiuser server: the client logs in on first use and again when a
     * token expires (replaces any token given before).
     */
    public Builder credentials(String email, String password) {
      requireNonNull(email, "email == null");
      requireNonNull(password, "password == null");
      if (email.isBlank()) {
        throw new IllegalArgumentException("email is blank");
      }
      this.email = email;
      this.password = password;
      this.token = null;
      return this;
    }

    /** The connect timeout (default 10 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long to wait for a response (default 60 s). */
    public Builder responseTimeout(Duration responseTimeout) {
      this.responseTimeout = positive(responseTimeout, "responseTimeout");
      return this;
    }

    /** The retry policy (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** The session queue id (default {@code default}). */
    public Builder queueId(String queueId) {
      requireNonNull(queueId, "queueId == null");
      if (queueId.isBlank()) {
        throw new IllegalArgumentException("queueId is blank");
      }
      this.queueId = queueId;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalStateException when no base URL was given
     */
    public HttpSettings build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      return new HttpSettings(this);
    }

    private static Duration positive(Duration d, String name) {
      requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}
