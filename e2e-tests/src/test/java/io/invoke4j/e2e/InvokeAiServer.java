package io.invoke4j.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.adapter.http.HttpSettings;
import io.invoke4j.adapter.http.InvokeHttp;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.queue.BatchData;
import io.invoke4j.domain.queue.BatchDatum;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.Graph;
import io.invoke4j.domain.queue.QueueCounts;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.QueueGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The InvokeAI server under test, reached through invoke4j's own {@link InvokeAIClient}, plus what
 * only tests need: a loud failure without a server, waiting with the e2e timeout and a guard against
 * a wedged queue, and (with {@link CreatedOnServer}) cleanup. It reads {@code INVOKEAI_URL} and, for
 * a multiuser server, {@code INVOKEAI_ADMIN_EMAIL} / {@code INVOKEAI_ADMIN_PASSWORD}.
 *
 * <p>One client serves the whole test JVM (JUnit makes a test instance per test method); it is
 * closed when the JVM exits.
 */
final class InvokeAiServer {

  private static InvokeAIClient shared;

  private final InvokeAIClient client;

  private InvokeAiServer(InvokeAIClient client) {
    this.client = client;
  }

  /**
   * The server named by {@code INVOKEAI_URL}. Missing fails: an e2e run without a server must
   * never look green (an unreachable one fails at the first call).
   */
  static InvokeAiServer fromEnvironment() {
    return new InvokeAiServer(sharedClient());
  }

  /** Timeout for queue items of one test, from {@code -Dinvoke4j.e2e.timeout} (seconds). */
  static Duration itemTimeout() {
    return Duration.ofSeconds(Long.getLong("invoke4j.e2e.timeout", 300));
  }

  private static synchronized InvokeAIClient sharedClient() {
    if (shared == null) {
      InvokeAIClient.Builder builder = InvokeAIClient.builder().baseUrl(url());
      credentials().ifPresent(c -> builder.credentials(c[0], c[1]));
      InvokeAIClient client = builder.build();
      Runtime.getRuntime().addShutdownHook(new Thread(client::close, "invoke4j-e2e-close"));
      shared = client;
    }
    return shared;
  }

  private static String url() {
    String url = System.getenv("INVOKEAI_URL");
    if (url == null || url.isBlank()) {
      throw new AssertionError(
          "INVOKEAI_URL is not set: the e2e tests need a running InvokeAI server"
              + " (scripts/invokeai-server start prints the line to export)");
    }
    return url;
  }

  /** Email and password when both are set: the server is multiuser. */
  private static Optional<String[]> credentials() {
    String email = System.getenv("INVOKEAI_ADMIN_EMAIL");
    String password = System.getenv("INVOKEAI_ADMIN_PASSWORD");
    return email == null || password == null
        ? Optional.empty() : Optional.of(new String[] {email, password});
  }

  // --- the library ------------------------------------------------------------------------------

  InvokeAIClient client() {
    return client;
  }

  QueueGateway queue() {
    return client.queue();
  }

  ImageGateway images() {
    return client.images();
  }

  BoardGateway boards() {
    return client.boards();
  }

  /** Uploads PNG bytes as a user asset, not intermediate, on no board (as the GUI's upload). */
  ImageInfo uploadPng(byte[] png, String fileName) {
    return images().upload(png, fileName, ImageCategory.USER, Optional.empty(), false);
  }

  /** The queue's counts, without the processor state. */
  QueueCounts queueCounts() {
    return queue().status().counts();
  }

  /** Full queue items of one batch, ascending by item id. */
  List<QueueItem> itemsOfBatch(BatchId batch) {
    return queue().list(queue().itemIdsOf(batch));
  }

  // --- waiting ----------------------------------------------------------------------------------

  /**
   * Polls until every item is completed, failed or canceled and returns them in the given order.
   * Fails at once when an item is gone, and with the statuses (and errors) seen when the timeout
   * runs out.
   */
  List<QueueItem> awaitTerminal(Collection<QueueItemId> itemIds, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Map<QueueItemId, QueueItem> items = new LinkedHashMap<>();
    itemIds.forEach(id -> items.put(id, null));
    while (true) {
      List<QueueItemId> open = new ArrayList<>();
      items.forEach((id, item) -> {
        if (item == null || !item.isTerminal()) {
          open.add(id);
        }
      });
      if (open.isEmpty()) {
        return List.copyOf(items.values());
      }
      if (Instant.now().isAfter(deadline)) {
        StringBuilder states = new StringBuilder();
        items.forEach((id, item) -> states.append(String.format("%n  item %d: %s", id.value(),
            item == null ? "not found"
                : item.statusText() + " " + item.errorMessage().orElse(""))));
        throw new AssertionError("queue items not finished after " + timeout + ":" + states);
      }
      List<QueueItem> read = queue().list(open);
      read.forEach(item -> items.replace(item.itemId(), item));
      if (read.size() < open.size()) {
        for (QueueItemId id : open) {
          if (read.stream().noneMatch(item -> item.itemId().equals(id)) && queue().find(id).isEmpty()) {
            throw new AssertionError("queue item " + id.value() + " is gone (deleted, or the queue cleared)");
          }
        }
      }
      if (items.values().stream().anyMatch(item -> item == null || !item.isTerminal())) {
        sleep(Duration.ofMillis(250));
      }
    }
  }

  /**
   * {@link #awaitTerminal} with {@link #itemTimeout()}, guarding against a wedged queue: InvokeAI
   * 6.14.2 accepts wrong-typed batch data, and such an item then answers 500 to GET, cancel and
   * DELETE while the processor retries it forever, so every later item stays pending. When the
   * wait fails and the queue looks like that (an item of ours answers 500, or items are pending
   * while none is in progress), this clears the whole queue so later tests can run, and fails
   * saying so.
   */
  List<QueueItem> awaitFinished(Collection<QueueItemId> itemIds) {
    try {
      return awaitTerminal(itemIds, itemTimeout());
    } catch (AssertionError | RuntimeException e) {
      boolean unreadable = itemIds.stream().anyMatch(this::answers500);
      QueueCounts counts = queueCounts();
      boolean stalled = counts.pending() > 0 && counts.inProgress() == 0;
      if (!unreadable && !stalled) {
        throw e;
      }
      int deleted = queue().clear();
      throw new AssertionError("the queue was wedged (items unreadable: " + unreadable
          + ", counts " + counts + "); clearing it deleted " + deleted + " items", e);
    }
  }

  private boolean answers500(QueueItemId id) {
    try {
      queue().find(id);
      return false;
    } catch (InvokeHttpException e) {
      return e.status() == 500;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the queue", e);
    }
  }

  // --- raw HTTP, only for bodies invoke4j refuses to build ----------------------------------------

  /** A raw response: status code and body. */
  record RawResponse(int status, String body) {}

  /**
   * POSTs {@code body} to {@code path} (relative, e.g. {@code api/v1/queue/default/enqueue_batch})
   * with the JDK client, authenticated like the library. Only for what the library deliberately
   * will not send (see {@link EnqueueValidationIT}); everything else goes through {@link #client()}.
   */
  RawResponse postRaw(String path, JsonNode body) {
    URI base = HttpSettings.builder().baseUrl(URI.create(url())).build().baseUrl();
    // HTTP/1.1 on purpose: with the JDK's default h2c upgrade uvicorn drops POST bodies
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body.toString()));
    bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
    try {
      var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new RawResponse(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during POST " + path, e);
    }
  }

  /** The library's login, for the raw call; empty on a single-user server. */
  private static Optional<String> bearerToken() {
    Optional<String[]> credentials = credentials();
    if (credentials.isEmpty()) {
      return Optional.empty();
    }
    HttpSettings settings = HttpSettings.builder().baseUrl(URI.create(url()))
        .credentials(credentials.get()[0], credentials.get()[1]).build();
    try (InvokeHttp http = InvokeHttp.create(settings)) {
      return http.currentToken();
    }
  }
}
