package io.invoke4j.adapter.http;

import static io.invoke4j.adapter.http.Fixtures.json;
import static io.invoke4j.adapter.http.Fixtures.ok;
import static io.invoke4j.adapter.http.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeHttpException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A program given credentials must also run against a single-user server, which refuses every
 * login with 403 and ignores any token (InvokeAI 6.14.2).
 */
class SingleUserCredentialsTest {
  @StartStop MockWebServer server = new MockWebServer();

  private static final String VERSION = "{\"version\":\"6.14.2\"}";

  @Test
  void sendsNoTokenWhenTheServerRunsSingleUser() throws Exception {
    server.enqueue(json(403, "{\"detail\":\"Multiuser mode is disabled\"}"));
    server.enqueue(ok("{\"setup_required\":false,\"multiuser_enabled\":false,"
        + "\"strict_password_checking\":false}"));
    server.enqueue(ok(VERSION));
    server.enqueue(ok(VERSION));
    try (InvokeHttp http = InvokeHttp.create(settings(server).credentials("a@b.example", "pw").build())) {
      HttpServerGateway gateway = new HttpServerGateway(http);
      assertThat(gateway.version()).isEqualTo("6.14.2");
      assertThat(gateway.version()).isEqualTo("6.14.2");
      assertThat(http.currentToken()).isEmpty();
    }
    RecordedRequest login = server.takeRequest();
    assertThat(login.getTarget()).isEqualTo("/api/v1/auth/login");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/auth/status");
    RecordedRequest first = server.takeRequest();
    assertThat(first.getTarget()).isEqualTo("/api/v1/app/version");
    assertThat(first.getHeaders().get("Authorization")).isNull();
    // logged in once: the second call goes straight to the route
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/app/version");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aRefusedLoginOnAMultiuserServerStaysAnError() {
    server.enqueue(json(403, "{\"detail\":\"Account is disabled\"}"));
    server.enqueue(ok("{\"setup_required\":false,\"multiuser_enabled\":true,"
        + "\"strict_password_checking\":false}"));
    try (InvokeHttp http = InvokeHttp.create(settings(server).credentials("a@b.example", "pw").build())) {
      assertThatThrownBy(() -> new HttpServerGateway(http).version())
          .isInstanceOfSatisfying(InvokeHttpException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).contains("Account is disabled").doesNotContain("pw");
          });
    }
  }
}
