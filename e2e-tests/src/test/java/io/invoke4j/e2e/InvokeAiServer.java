package io.invoke4j.e2e;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.Set;
import java.util.UUID;

/**
 * The InvokeAI server under test, spoken to over plain HTTP (JDK client + Jackson) until the
 * invoke4j library can do it. One instance per test class; it reads {@code INVOKEAI_URL} and, for
 * a multiuser server, {@code INVOKEAI_ADMIN_EMAIL} / {@code INVOKEAI_ADMIN_PASSWORD}.
 *
 * <p>Helpers fail the test with {@link AssertionError} (method, path, status, body excerpt) on any
 * unexpected status, so a test reads as the happy path.
 */
final class InvokeAiServer {

  static final String QUEUE = "/api/v1/queue/default";
  private static final Set<String> TERMINAL = Set.of("completed", "failed", "canceled");

  final ObjectMapper json = new ObjectMapper();
  private final URI base;
  private final HttpClient http;
  private final String bearer;

  private InvokeAiServer(URI base) {
    this.base = base;
    // HTTP/1.1 on purpose: the JDK client's default HTTP/2 sends an h2c "Upgrade" with each request,
    // and uvicorn (InvokeAI 6.14.2) then drops POST bodies (422 "Field required") or answers
    // 400 "Invalid HTTP request received".
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    this.bearer = loginIfMultiuser();
  }

  /**
   * The server named by {@code INVOKEAI_URL}. Missing or unreachable fails: an e2e run without a
   * server must never look green.
   */
  static InvokeAiServer fromEnvironment() {
    String url = System.getenv("INVOKEAI_URL");
    if (url == null || url.isBlank()) {
      throw new AssertionError(
          "INVOKEAI_URL is not set: the e2e tests need a running InvokeAI server"
              + " (scripts/invokeai-server start prints the line to export)");
    }
    return new InvokeAiServer(URI.create(url.endsWith("/") ? url : url + "/"));
  }

  /** Timeout for queue items of one test, from {@code -Dinvoke4j.e2e.timeout} (seconds). */
  static Duration itemTimeout() {
    return Duration.ofSeconds(Long.getLong("invoke4j.e2e.timeout", 300));
  }

  // --- raw HTTP --------------------------------------------------------------------------------

  /** A response: status code and body bytes. */
  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Response send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
    // Paths start with "/" for readability; the base may carry a reverse-proxy prefix, so resolve
    // against it without the slash (InvokeAI's own URLs are relative and slash-less too).
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.substring(1)))
            .timeout(Duration.ofSeconds(60))
            .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      var response = http.send(request.build(), BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }

  Response get(String path) {
    return send("GET", path, BodyPublishers.noBody(), null);
  }

  Response sendJson(String method, String path, JsonNode body) {
    return send(method, path, BodyPublishers.ofString(body.toString()), "application/json");
  }

  /** Sends and reads a JSON answer, failing on any status but {@code expectedStatus}. */
  JsonNode expectJson(int expectedStatus, Response response, String what) {
    if (response.status() != expectedStatus) {
      String text = response.text();
      throw new AssertionError(
          what + ": expected HTTP " + expectedStatus + " but got " + response.status() + ": "
              + (text.length() > 2000 ? text.substring(0, 2000) + "..." : text));
    }
    return readTree(response.body());
  }

  JsonNode readTree(byte[] body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
    }
  }

  // --- app ---------------------------------------------------------------------------------------

  String version() {
    return expectJson(200, get("/api/v1/app/version"), "GET version").path("version").asText();
  }

  // --- queue -------------------------------------------------------------------------------------

  /** What {@code enqueue_batch} answered: the batch id and the new items, ascending. */
  record EnqueueResult(String batchId, int enqueued, int requested, List<Integer> itemIds) {}

  /** POSTs an {@code enqueue_batch} body ({@code {"batch":..., "prepend":...}}) that must succeed. */
  EnqueueResult enqueue(JsonNode requestBody) {
    // InvokeAI 6.14.2 answers 200 although its OpenAPI says 201.
    JsonNode result = expectJson(200, enqueueRaw(requestBody), "POST enqueue_batch");
    List<Integer> ids = new ArrayList<>();
    result.path("item_ids").forEach(id -> ids.add(id.asInt()));
    ids.sort(null); // the server lists them descending
    return new EnqueueResult(
        result.path("batch").path("batch_id").asText(),
        result.path("enqueued").asInt(),
        result.path("requested").asInt(),
        List.copyOf(ids));
  }

  /** POSTs an {@code enqueue_batch} body and returns whatever the server answered. */
  Response enqueueRaw(JsonNode requestBody) {
    return sendJson("POST", QUEUE + "/enqueue_batch", requestBody);
  }

  /** One queue item as the server serializes it (nulls omitted). */
  JsonNode queueItem(int itemId) {
    return expectJson(200, get(QUEUE + "/i/" + itemId), "GET queue item " + itemId);
  }

  /**
   * Polls until every item is completed, failed or canceled and returns them in the given order.
   * Fails with the statuses (and errors) seen when the timeout runs out.
   */
  List<JsonNode> awaitTerminal(Collection<Integer> itemIds, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Map<Integer, JsonNode> items = new LinkedHashMap<>();
    while (true) {
      boolean allDone = true;
      for (int id : itemIds) {
        JsonNode item = items.get(id);
        if (item == null || !TERMINAL.contains(item.path("status").asText())) {
          item = queueItem(id);
          items.put(id, item);
        }
        allDone &= TERMINAL.contains(item.path("status").asText());
      }
      if (allDone) {
        return List.copyOf(items.values());
      }
      if (Instant.now().isAfter(deadline)) {
        StringBuilder states = new StringBuilder();
        items.forEach((id, item) -> states.append(String.format("%n  item %d: %s %s",
            id, item.path("status").asText(), item.path("error_message").asText(""))));
        throw new AssertionError("queue items not finished after " + timeout + ":" + states);
      }
      sleep(Duration.ofMillis(250));
    }
  }

  /**
   * The queue's counts ({@code pending}, {@code in_progress}, {@code completed}, {@code failed},
   * {@code canceled}, {@code total}) from {@code GET status}, without the processor state.
   */
  JsonNode queueCounts() {
    JsonNode queue = expectJson(200, get(QUEUE + "/status"), "GET queue status").path("queue");
    ObjectNode counts = json.createObjectNode();
    for (String count : List.of("pending", "in_progress", "completed", "failed", "canceled", "total")) {
      counts.set(count, queue.path(count));
    }
    return counts;
  }

  /**
   * {@link #awaitTerminal} with {@link #itemTimeout()}, guarding against a wedged queue: InvokeAI
   * 6.14.2 accepts wrong-typed batch data, and such an item then answers 500 to GET, cancel and
   * DELETE while the processor retries it forever, so every later item stays pending. When the
   * wait fails and the queue looks like that (an item of ours answers 500, or items are pending
   * while none is in progress), this clears the whole queue so later tests can run, and fails
   * saying so.
   */
  List<JsonNode> awaitFinished(Collection<Integer> itemIds) {
    try {
      return awaitTerminal(itemIds, itemTimeout());
    } catch (AssertionError | RuntimeException e) {
      boolean unreadable = itemIds.stream().anyMatch(id -> get(QUEUE + "/i/" + id).status() == 500);
      JsonNode counts = queueCounts();
      boolean stalled = counts.path("pending").asInt() > 0 && counts.path("in_progress").asInt() == 0;
      if (!unreadable && !stalled) {
        throw e;
      }
      int deleted = clearQueue();
      AssertionError wedged = new AssertionError("the queue was wedged (items unreadable: "
          + unreadable + ", counts " + counts + "); PUT /clear deleted " + deleted + " items", e);
      throw wedged;
    }
  }

  /** Full queue items of one batch, ascending by item id. */
  List<JsonNode> itemsOfBatch(String batchId) {
    JsonNode ids = expectJson(200, get(QUEUE + "/item_ids?order_dir=ASC"), "GET item_ids");
    List<Integer> all = new ArrayList<>();
    ids.path("item_ids").forEach(id -> all.add(id.asInt()));
    List<Integer> mine = new ArrayList<>();
    // items_by_ids takes at most 1000 ids per call; summaries are light enough to scan a long history
    for (int from = 0; from < all.size(); from += 1000) {
      ObjectNode body = json.createObjectNode();
      all.subList(from, Math.min(all.size(), from + 1000)).forEach(body.putArray("item_ids")::add);
      JsonNode summaries = expectJson(200,
          sendJson("POST", QUEUE + "/item_summaries_by_ids", body), "POST item_summaries_by_ids");
      summaries.forEach(s -> {
        if (batchId.equals(s.path("batch_id").asText())) {
          mine.add(s.path("item_id").asInt());
        }
      });
    }
    List<JsonNode> items = new ArrayList<>();
    mine.forEach(id -> items.add(queueItem(id)));
    return items;
  }

  /** Cancels whatever of these batches has not run yet; for cleanup after a failed test. */
  void cancelBatches(Collection<String> batchIds) {
    ObjectNode body = json.createObjectNode();
    batchIds.forEach(body.putArray("batch_ids")::add);
    expectJson(200, sendJson("PUT", QUEUE + "/cancel_by_batch_ids", body), "PUT cancel_by_batch_ids");
  }

  /** Deletes these queue items from the queue history (404 = already gone, fine). */
  void deleteQueueItems(Collection<Integer> itemIds) {
    for (int id : itemIds) {
      Response response = send("DELETE", QUEUE + "/i/" + id, BodyPublishers.noBody(), null);
      if (response.status() != 200 && response.status() != 404) {
        expectJson(200, response, "DELETE queue item " + id);
      }
    }
  }

  /**
   * Empties the whole default queue (also other users' pending work on a shared server). Only for
   * throw-away servers; the tests themselves clean up by batch.
   */
  int clearQueue() {
    return expectJson(200, send("PUT", QUEUE + "/clear", BodyPublishers.noBody(), null), "PUT clear")
        .path("deleted").asInt();
  }

  // --- boards ------------------------------------------------------------------------------------

  /** Creates a board and returns its id. */
  String createBoard(String name) {
    Response response = send("POST", "/api/v1/boards/?board_name=" + encode(name),
        BodyPublishers.noBody(), null);
    return requireNonNull(expectJson(201, response, "POST boards").path("board_id").textValue(),
        "board without board_id");
  }

  /** Deletes a board together with its images (404 = already gone, fine). */
  void deleteBoardAndImages(String boardId) {
    Response response = send("DELETE",
        "/api/v1/boards/" + encode(boardId) + "?include_images=true", BodyPublishers.noBody(), null);
    if (response.status() != 404) {
      expectJson(200, response, "DELETE board " + boardId);
    }
  }

  /** The names of the images on a board. */
  List<String> boardImageNames(String boardId) {
    JsonNode names = expectJson(200, get("/api/v1/boards/" + encode(boardId) + "/image_names"),
        "GET board image_names");
    List<String> result = new ArrayList<>();
    names.forEach(name -> result.add(name.asText()));
    return result;
  }

  // --- images ------------------------------------------------------------------------------------

  /** Uploads PNG bytes as a user asset; returns the server's {@code ImageDTO}. */
  JsonNode uploadPng(byte[] png, String fileName) {
    String boundary = "invoke4j-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(png);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Response response = send("POST",
        "/api/v1/images/upload?image_category=user&is_intermediate=false",
        BodyPublishers.ofByteArray(body.toByteArray()),
        "multipart/form-data; boundary=" + boundary);
    return expectJson(201, response, "POST images/upload");
  }

  /** The stored image's full-size bytes. */
  byte[] downloadImage(String imageName) {
    Response response = get("/api/v1/images/i/" + encode(imageName) + "/full");
    if (response.status() != 200) {
      throw new AssertionError("GET image " + imageName + ": HTTP " + response.status() + " "
          + response.text());
    }
    return response.body();
  }

  /** Lists images with the given query string, e.g. {@code image_origin=external&limit=100}. */
  JsonNode listImages(String query) {
    return expectJson(200, get("/api/v1/images/?" + query), "GET images");
  }

  /** Deletes images by name; returns the server's delete result. */
  JsonNode deleteImages(Collection<String> imageNames) {
    ObjectNode body = json.createObjectNode();
    ArrayNode names = body.putArray("image_names");
    imageNames.forEach(names::add);
    return expectJson(200, sendJson("POST", "/api/v1/images/delete", body), "POST images/delete");
  }

  // --- multiuser ---------------------------------------------------------------------------------

  private String loginIfMultiuser() {
    String email = System.getenv("INVOKEAI_ADMIN_EMAIL");
    String password = System.getenv("INVOKEAI_ADMIN_PASSWORD");
    if (email == null || password == null) {
      return null;
    }
    ObjectNode body = json.createObjectNode().put("email", email).put("password", password);
    return requireNonNull(
        expectJson(200, sendJson("POST", "/api/v1/auth/login", body), "POST auth/login")
            .path("token").textValue(),
        "login returned no token");
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the queue", e);
    }
  }
}
