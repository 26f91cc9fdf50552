package io.invoke4j.e2e;

import static io.invoke4j.e2e.LiveClient.example;
import static io.invoke4j.e2e.LiveClient.requiredEnv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.adapter.http.HttpQueueGateway;
import io.invoke4j.adapter.http.HttpSettings;
import io.invoke4j.adapter.http.InvokeHttp;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.Submission;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a multiuser InvokeAI ({@code scripts/invokeai-server start --multiuser}) at
 * {@code INVOKEAI_MULTIUSER_URL}, with its admin account {@code INVOKEAI_MULTIUSER_ADMIN_EMAIL} /
 * {@code INVOKEAI_MULTIUSER_ADMIN_PASSWORD} (CI exports all three; a run without them fails, it never
 * skips): login with email and password, reuse of a token, a wrong password, a token the server no
 * longer accepts (one re-login), and the privacy of another user's queue items. The non-admin user
 * a test needs is created through the server's admin API and deleted afterwards.
 */
class MultiuserIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("invoke4j.e2e.timeout", 300));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url = requiredEnv("INVOKEAI_MULTIUSER_URL",
      "the multiuser ITs need a server started with scripts/invokeai-server start --multiuser");
  private final String adminEmail = requiredEnv("INVOKEAI_MULTIUSER_ADMIN_EMAIL",
      "the multiuser ITs need the admin account scripts/invokeai-server start --multiuser prints");
  private final String adminPassword = requiredEnv("INVOKEAI_MULTIUSER_ADMIN_PASSWORD",
      "the multiuser ITs need the admin account scripts/invokeai-server start --multiuser prints");
  private final HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** Closed last-in first-out: users' clients before the users are deleted, the admin's last. */
  private final Deque<AutoCloseable> cleanups = new ArrayDeque<>();

  @AfterEach
  void cleanUp() throws Exception {
    Exception first = null;
    while (!cleanups.isEmpty()) {
      try {
        cleanups.pop().close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Test
  void logsInWithEmailAndPasswordAndRunsAWorkflow() {
    LiveClient admin = live(InvokeAIClient.builder().baseUrl(url).credentials(adminEmail, adminPassword).build());
    QueueItem done = runIntegerAdd(admin, 20, 22);
    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(sum(done)).isEqualTo(42);
    System.out.printf("multiuser login: item %d %s, sum %d%n", done.itemId().value(), done.status().wire(), sum(done));
  }

  @Test
  void reusesAToken() {
    String token;
    try (InvokeHttp http = InvokeHttp.create(settings().credentials(adminEmail, adminPassword).build())) {
      token = http.currentToken().orElseThrow();
    }
    LiveClient byToken = live(InvokeAIClient.builder().baseUrl(url).token(token).build());
    QueueItem done = runIntegerAdd(byToken, 5, 7);
    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(sum(done)).isEqualTo(12);
    assertThat(byToken.client.queue().find(done.itemId())).isPresent();
    System.out.printf("token reuse: item %d %s%n", done.itemId().value(), done.status().wire());
  }

  @Test
  void refusesAWrongPasswordWithoutShowingIt() {
    String wrong = "Wrong-" + UUID.randomUUID();
    try (InvokeAIClient client = InvokeAIClient.builder().baseUrl(url).credentials(adminEmail, wrong).build()) {
      InvokeHttpException refused = assertThrows(InvokeHttpException.class, () -> client.queue().status());
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.getMessage()).doesNotContain(wrong).doesNotContain(adminPassword);
      assertThat(String.valueOf(refused.detail())).doesNotContain(wrong);
      System.out.printf("wrong password: %s%n", refused.getMessage());
    }
    // no credentials at all: refused too
    try (InvokeAIClient anonymous = InvokeAIClient.fromUrl(url)) {
      InvokeHttpException refused = assertThrows(InvokeHttpException.class, () -> anonymous.queue().status());
      assertThat(refused.status()).isEqualTo(401);
    }
  }

  /**
   * A token the server stops accepting mid-session: the client logs in again once and repeats the
   * request. The builder takes a token or credentials, not both, so the token is invalidated on the
   * server instead - an admin resets the user's password to the same value, which bumps the
   * account's token epoch (every older token answers 401) while the credentials stay valid.
   */
  @Test
  void logsInAgainOnceWhenTheTokenIsNoLongerAccepted() throws Exception {
    User user = createUser();
    // the adapter itself, to see the token change ...
    InvokeHttp http = InvokeHttp.create(settings().credentials(user.email, user.password).build());
    cleanups.push(http);
    HttpQueueGateway queue = new HttpQueueGateway(http);
    // ... and the facade, as a program would use it
    LiveClient client = live(InvokeAIClient.builder().baseUrl(url).credentials(user.email, user.password).build());
    queue.status();
    client.client.queue().status();
    String before = http.currentToken().orElseThrow();
    assertThat(rawGet("api/v1/auth/me", before).statusCode()).isEqualTo(200);

    adminRequest("PATCH", "api/v1/auth/users/" + user.id, JSON.createObjectNode().put("password", user.password));
    assertThat(rawGet("api/v1/auth/me", before).statusCode()).as("the old token is refused now").isEqualTo(401);

    assertThat(queue.status().counts().total()).isGreaterThanOrEqualTo(0);
    String after = http.currentToken().orElseThrow();
    assertThat(after).isNotEqualTo(before);
    assertThat(rawGet("api/v1/auth/me", after).statusCode()).isEqualTo(200);
    // the facade's client had the old token too: it recovers the same way, and can run a workflow
    QueueItem done = runIntegerAdd(client, 1, 2);
    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    System.out.printf("re-login: old token refused with 401, new token accepted, item %d %s%n",
        done.itemId().value(), done.status().wire());
  }

  @Test
  void hidesOtherUsersItems() throws Exception {
    LiveClient admin = live(InvokeAIClient.builder().baseUrl(url).credentials(adminEmail, adminPassword).build());
    User user = createUser();
    LiveClient other = live(InvokeAIClient.builder().baseUrl(url).credentials(user.email, user.password).build());

    QueueItem mine = runIntegerAdd(admin, 3, 4);
    QueueItem theirs = runIntegerAdd(other, 30, 40);
    assertThat(sum(theirs)).isEqualTo(70);

    // the non-admin sees the admin's item only redacted: no batch, no session, no results
    Optional<QueueItem> seen = other.client.queue().find(mine.itemId());
    seen.ifPresent(item -> {
      assertThat(item.batchId().value()).isEqualTo("redacted");
      assertThat(item.sessionId()).isNotEqualTo(mine.sessionId());
      assertThat(item.results()).isEmpty();
    });
    assertThat(other.client.queue().listAll()).filteredOn(item -> item.itemId().equals(mine.itemId()))
        .allSatisfy(item -> assertThat(item.batchId()).isNotEqualTo(mine.batchId()));
    assertThat(other.client.queue().itemIdsOf(mine.batchId())).isEmpty();
    // its own item in full
    QueueItem own = other.client.queue().find(theirs.itemId()).orElseThrow();
    assertThat(own.batchId()).isEqualTo(theirs.batchId());
    assertThat(own.results()).isNotEmpty();
    // the admin sees both in full
    assertThat(admin.client.queue().find(theirs.itemId()).orElseThrow().batchId()).isEqualTo(theirs.batchId());
    // and a non-admin may not pause the processor
    InvokeHttpException forbidden;
    try {
      forbidden = assertThrows(InvokeHttpException.class, () -> other.client.queue().pauseProcessor());
    } finally {
      admin.client.queue().resumeProcessor();
    }
    assertThat(forbidden.status()).isEqualTo(403);
    System.out.printf("isolation: user %s sees admin item %d as %s; own item %d in full%n", user.email,
        mine.itemId().value(), seen.map(i -> "batch " + i.batchId().value()).orElse("absent"),
        theirs.itemId().value());
  }

  // ------------------------------------------------------------------ helpers

  private LiveClient live(InvokeAIClient client) {
    LiveClient live = new LiveClient(client);
    cleanups.push(live);
    return live;
  }

  private HttpSettings.Builder settings() {
    return HttpSettings.builder().baseUrl(URI.create(url));
  }

  private QueueItem runIntegerAdd(LiveClient live, int a, int b) {
    WorkflowHandle wf = live.client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(example("integer-add.json")));
    wf.setInputValue(0, a);
    wf.setInputValue(1, b);
    Submission submission = wf.submitSync();
    live.items(submission.itemIds());
    return wf.waitForCompletionSync(Duration.ofMillis(500), TIMEOUT, update -> { });
  }

  /** The {@code add} node's value in the item's results. */
  private static long sum(QueueItem item) {
    return item.results().values().stream().filter(r -> "integer_output".equals(r.path("type").asText()))
        .mapToLong(r -> r.path("value").asLong()).max().orElseThrow();
  }

  private record User(String id, String email, String password) {}

  /** A new non-admin user, deleted after the test (after its own client, which is closed first). */
  private User createUser() throws IOException, InterruptedException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String email = "invoke4j-e2e-" + suffix + "@invoke4j.example.com";
    String password = "Invoke4j-" + suffix + "-Pw1";
    ObjectNode body = JSON.createObjectNode().put("email", email).put("display_name", "invoke4j e2e " + suffix)
        .put("password", password).put("is_admin", false);
    JsonNode created = adminRequest("POST", "api/v1/auth/users", body);
    String id = created.path("user_id").asText();
    assertThat(id).isNotBlank();
    cleanups.push(() -> adminRequest("DELETE", "api/v1/auth/users/" + id, null));
    return new User(id, email, password);
  }

  private JsonNode adminRequest(String method, String path, JsonNode body) throws IOException, InterruptedException {
    String token;
    try (InvokeHttp http = InvokeHttp.create(settings().credentials(adminEmail, adminPassword).build())) {
      token = http.currentToken().orElseThrow();
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30));
    if (body != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new AssertionError(method + " " + path + " as admin -> " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private HttpResponse<String> rawGet(String path, String token) throws IOException, InterruptedException {
    return raw.send(HttpRequest.newBuilder(base().resolve(path)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI base() {
    return URI.create(url.endsWith("/") ? url : url + "/");
  }
}
