package io.invoke4j.adapter.http;

import static io.invoke4j.adapter.http.Fixtures.json;
import static io.invoke4j.adapter.http.Fixtures.ok;
import static io.invoke4j.adapter.http.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeTransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class InvokeHttpTest {
  @StartStop MockWebServer server = new MockWebServer();

  private static final String VERSION = "{\"version\":\"6.14.2\"}";

  @Test
  void retriesGetOn503And502ThenSucceeds() {
    server.enqueue(json(503, "{\"detail\":\"busy\"}"));
    server.enqueue(json(502, "bad gateway"));
    server.enqueue(ok(VERSION));
    try (InvokeHttp http = InvokeHttp.create(settings(server).build())) {
      assertThat(new HttpServerGateway(http).version()).isEqualTo("6.14.2");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastStatus() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(504, "{\"detail\":\"gateway timeout\"}"));
    }
    try (InvokeHttp http = InvokeHttp.create(settings(server).build())) {
      assertThatThrownBy(() -> new HttpServerGateway(http).version())
          .isInstanceOfSatisfying(InvokeHttpException.class, e -> {
            assertThat(e.status()).isEqualTo(504);
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.path()).isEqualTo("/api/v1/app/version");
            assertThat(e.detail()).isEqualTo("gateway timeout");
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void doesNotRetryWithRetryPolicyNone() {
    server.enqueue(json(503, "{\"detail\":\"busy\"}"));
    try (InvokeHttp http =
        InvokeHttp.create(settings(server).retryPolicy(RetryPolicy.none()).build())) {
      assertThatThrownBy(() -> new HttpServerGateway(http).version())
          .isInstanceOf(InvokeHttpException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void slowResponseIsATransportExceptionAndNotRetried() {
    server.enqueue(new MockResponse.Builder().body(VERSION).headersDelay(2, TimeUnit.SECONDS).build());
    try (InvokeHttp http = InvokeHttp.create(
        settings(server).responseTimeout(Duration.ofMillis(200)).build())) {
      assertThatThrownBy(() -> new HttpServerGateway(http).version())
          .isInstanceOf(InvokeTransportException.class)
          .hasMessageContaining("GET /api/v1/app/version")
          .hasCauseInstanceOf(SocketTimeoutException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void droppedConnectionIsATransportException() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    try (InvokeHttp http =
        InvokeHttp.create(settings(server).retryPolicy(RetryPolicy.none()).build())) {
      assertThatThrownBy(() -> new HttpServerGateway(http).version())
          .isInstanceOf(InvokeTransportException.class)
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void refusedConnectionIsRetriedThenATransportException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HttpSettings settings = HttpSettings.builder().baseUrl(URI.create("http://127.0.0.1:" + port))
        .retryPolicy(RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(1))).build();
    try (InvokeHttp http = InvokeHttp.create(settings)) {
      assertThatThrownBy(() -> new HttpServerGateway(http).version())
          .isInstanceOf(InvokeTransportException.class)
          .hasCauseInstanceOf(ConnectException.class);
    }
  }

  @Test
  void malformedJsonIsAProtocolException() {
    server.enqueue(ok("{\"version\": 6.14"));
    try (InvokeHttp http = InvokeHttp.create(settings(server).build())) {
      assertThatThrownBy(() -> new HttpServerGateway(http).version())
          .isInstanceOf(InvokeProtocolException.class)
          .hasMessageContaining("GET /api/v1/app/version");
    }
  }

  @Test
  void errorStatusCarriesFastApiDetailOrABodyExcerpt() {
    server.enqueue(json(409, "{\"detail\":\"Image storage maintenance is active\"}"));
    server.enqueue(new MockResponse.Builder().code(500).body("Internal Server Error").build());
    try (InvokeHttp http = InvokeHttp.create(settings(server).build())) {
      HttpServerGateway gateway = new HttpServerGateway(http);
      assertThatThrownBy(gateway::version).isInstanceOfSatisfying(InvokeHttpException.class,
          e -> assertThat(e.detail()).isEqualTo("Image storage maintenance is active"));
      assertThatThrownBy(gateway::version).isInstanceOfSatisfying(InvokeHttpException.class,
          e -> assertThat(e).extracting(InvokeHttpException::status, InvokeHttpException::detail)
              .containsExactly(500, "Internal Server Error"));
    }
  }

  @Test
  void logsInAgainOnceAfter401AndRepeatsTheRequest() throws InterruptedException {
    server.enqueue(ok("{\"token\":\"first-token\",\"expires_in\":86400}"));
    server.enqueue(json(401, "{\"detail\":\"Invalid or expired authentication token\"}"));
    server.enqueue(ok("{\"token\":\"second-token\",\"expires_in\":86400}"));
    server.enqueue(ok(VERSION));
    try (InvokeHttp http = InvokeHttp.create(
        settings(server).credentials("admin@example.org", "s3cret-pw").build())) {
      assertThat(new HttpServerGateway(http).version()).isEqualTo("6.14.2");
      assertThat(http.currentToken()).contains("second-token");
    }
    RecordedRequest login = server.takeRequest();
    assertThat(login.getMethod()).isEqualTo("POST");
    assertThat(login.getTarget()).isEqualTo("/api/v1/auth/login");
    assertThat(Fixtures.parse(login.getBody().utf8())).isEqualTo(Fixtures.parse(
        "{\"email\":\"admin@example.org\",\"password\":\"s3cret-pw\",\"remember_me\":false}"));
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer first-token");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/auth/login");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer second-token");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void a401WithAGivenTokenIsReportedWithoutTheToken() {
    server.enqueue(json(401, "{\"detail\":\"Authentication required\"}"));
    try (InvokeHttp http = InvokeHttp.create(settings(server).token("tok-123").build())) {
      assertThatThrownBy(() -> new HttpServerGateway(http).version())
          .isInstanceOfSatisfying(InvokeHttpException.class,
              e -> assertThat(e.status()).isEqualTo(401))
          .message().doesNotContain("tok-123");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusedLoginIsAnHttpExceptionWithoutThePassword() {
    server.enqueue(json(401, "{\"detail\":\"Incorrect email or password\"}"));
    try (InvokeHttp http = InvokeHttp.create(
        settings(server).credentials("admin@example.org", "s3cret-pw").build())) {
      assertThatThrownBy(http::currentToken)
          .isInstanceOfSatisfying(InvokeHttpException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.path()).isEqualTo("/api/v1/auth/login");
          })
          .message().doesNotContain("s3cret-pw");
    }
  }

  @Test
  void swapsInTheRefreshedTokenOnTheNextRequest() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"canceled\":0}")
        .addHeader("X-Refreshed-Token", "fresh-token").build());
    server.enqueue(ok(VERSION));
    try (InvokeHttp http = InvokeHttp.create(settings(server).token("old-token").build())) {
      new HttpQueueGateway(http).cancelAllExceptCurrent();
      new HttpServerGateway(http).version();
      assertThat(http.currentToken()).contains("fresh-token");
    }
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer old-token");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer fresh-token");
  }

  @Test
  void sendsNoAuthorizationToASingleUserServer() throws InterruptedException {
    server.enqueue(ok(VERSION));
    try (InvokeHttp http = InvokeHttp.create(settings(server).build())) {
      new HttpServerGateway(http).version();
      assertThat(http.currentToken()).isEmpty();
    }
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void resolvesApiPathsAgainstAReverseProxyBasePath() throws InterruptedException {
    server.enqueue(ok(VERSION));
    server.enqueue(ok("{\"openapi\":\"3.1.0\"}"));
    URI base = URI.create(server.url("/invoke").toString()); // no trailing slash
    try (InvokeHttp http = InvokeHttp.create(settings(server).baseUrl(base).build())) {
      assertThat(http.baseUri().toString()).endsWith("/invoke/");
      new HttpServerGateway(http).version();
      new HttpServerGateway(http).openApiSchema();
    }
    assertThat(server.takeRequest().getTarget()).isEqualTo("/invoke/api/v1/app/version");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/invoke/openapi.json");
  }

  @Test
  void settingsNeverShowSecrets() {
    HttpSettings withPassword = HttpSettings.builder().baseUrl(URI.create("http://h:9090"))
        .credentials("a@b.org", "pw-secret").build();
    HttpSettings withToken = HttpSettings.builder().baseUrl(URI.create("http://h:9090"))
        .token("tok-secret").build();
    assertThat(withPassword.toString()).doesNotContain("pw-secret").contains("credentials");
    assertThat(withToken.toString()).doesNotContain("tok-secret").contains("token");
    assertThat(withToken.baseUrl()).isEqualTo(URI.create("http://h:9090/"));
    assertThat(withToken.queueId()).isEqualTo("default");
    assertThat(withToken.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(withToken.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void backoffIsJitteredAndCapped() {
    RetryPolicy policy = RetryPolicy.of(10, Duration.ofMillis(100), Duration.ofMillis(300));
    for (int attempt = 1; attempt < 10; attempt++) {
      assertThat(policy.backoff(attempt)).isBetween(Duration.ZERO, Duration.ofMillis(300));
    }
    assertThat(policy.backoff(1)).isLessThanOrEqualTo(Duration.ofMillis(100));
    assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(4);
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }
}
