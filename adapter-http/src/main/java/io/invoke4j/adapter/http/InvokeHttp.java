package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeTransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP connection to one InvokeAI server, shared by the {@code Http*} gateways: a pooled Apache
 * HttpClient 5 (classic, HTTP/1.1), one Jackson {@link ObjectMapper}, authentication and retries.
 *
 * <pre>{@code
 * try (InvokeHttp http = InvokeHttp.create(HttpSettings.builder()
 *     .baseUrl(URI.create("http://127.0.0.1:9090")).build())) {
 *   QueueGateway queue = new HttpQueueGateway(http);
 *   ...
 * }
 * }</pre>
 *
 * <p>Authentication: none against a single-user server; against a multiuser server the given
 * token, or a token from logging in with the given credentials. A token the server refreshes
 * ({@code X-Refreshed-Token}) is used from the next request on; after a 401 the client logs in again
 * once (credentials only) and repeats the request once.
 *
 * <p>Retries (per {@link RetryPolicy}): a request whose connection could not be opened is repeated
 * (nothing was sent); one that is safe to repeat (GET, PUT, DELETE and read-only POSTs) is also
 * repeated after a 502, 503 or 504 or a connection closed before the response.
 *
 * <p>Failures: an error status becomes {@link InvokeHttpException} (with FastAPI's {@code detail}),
 * an I/O failure {@link InvokeTransportException}, an unreadable answer {@link
 * InvokeProtocolException}. Tokens and passwords are never logged nor put into a message.
 */
public final class InvokeHttp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InvokeHttp.class);
  static final String REFRESHED_TOKEN = "X-Refreshed-Token";
  private static final Set<Integer> RETRY_STATUSES = Set.of(502, 503, 504);
  private static final int MAX_TEXT_EXCERPT = 500;
  private static final String LOGIN_PATH = "api/v1/auth/login";

  private final HttpSettings settings;
  private final URI base;
  private final CloseableHttpClient client;
  private final ObjectMapper mapper;
  private final Object loginLock = new Object();
  /** Set when credentials were given to a server that runs without authentication. */
  private volatile boolean singleUserServer;
  private volatile String token;

  private InvokeHttp(HttpSettings settings) {
    this.settings = settings;
    this.base = settings.baseUrl();
    this.token = settings.token().orElse(null);
    this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    Timeout connect = Timeout.of(settings.connectTimeout());
    Timeout response = Timeout.of(settings.responseTimeout());
    PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(connect)
            .setSocketTimeout(response)
            .build())
        .setMaxConnTotal(32)
        .setMaxConnPerRoute(32)
        .build();
    // The classic client speaks HTTP/1.1 only, which matters: uvicorn drops a POST body sent with
    // an h2c upgrade. Retries are ours (RetryPolicy), never HttpClient's: its default strategy would
    // repeat a POST enqueue on 503.
    this.client = HttpClients.custom()
        .setConnectionManager(pool)
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(connect)
            .setResponseTimeout(response)
            .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .setUserAgent("invoke4j")
        .build();
  }

  /** Opens a client (no request is sent yet). Close it to release its connections. */
  public static InvokeHttp create(HttpSettings settings) {
    return new InvokeHttp(requireNonNull(settings, "settings == null"));
  }

  /** The base URI every API path is resolved against, ending in {@code /}. */
  public URI baseUri() {
    return base;
  }

  /**
   * The bearer token in use, logging in first when credentials were given and there is no token
   * yet; empty when the settings name no authentication (a single-user server).
   *
   * @throws InvokeHttpException when the login is refused (401 bad credentials, 403 single-user
   *     server or disabled account)
   * @throws InvokeTransportException when the server cannot be reached
   */
  public Optional<String> currentToken() {
    return Optional.ofNullable(ensureToken());
  }

  /** Releases the connections; requests afterwards fail. */
  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }

  @Override
  public String toString() {
    return "InvokeHttp{" + settings + "}";
  }

  // ---- package-private API used by the gateways ----

  ObjectMapper mapper() {
    return mapper;
  }

  String queueId() {
    return settings.queueId();
  }

  /** A request for {@code path}, relative to the base URI ({@code api/v1/...}, no leading slash). */
  Request request(String method, String path) {
    return new Request(method, path);
  }

  Request get(String path) {
    return request("GET", path);
  }

  /** One path segment, percent-encoded (image names, batch ids and board ids come from outside). */
  static String seg(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Whether {@code e} means the connection was never opened, so nothing was sent. */
  static boolean isConnectFailure(Throwable e) {
    return e instanceof ConnectException || e instanceof ConnectTimeoutException;
  }

  /** One request being built; {@link #send()} runs it. */
  final class Request {
    private final String method;
    private final String path;
    private final List<NameValuePair> query = new ArrayList<>();
    private Supplier<HttpEntity> body;
    private boolean idempotent;
    private boolean anonymous;
    private boolean uncompressed;

    private Request(String method, String path) {
      this.method = method;
      this.path = path.startsWith("/") ? path.substring(1) : path;
      this.idempotent = method.equals("GET") || method.equals("PUT") || method.equals("DELETE")
          || method.equals("HEAD");
    }

    Request query(String name, Object value) {
      query.add(new BasicNameValuePair(name, String.valueOf(value)));
      return this;
    }

    Request json(Object value) {
      byte[] bytes;
      try {
        bytes = mapper.writeValueAsBytes(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot write the body of " + method + " " + path, e);
      }
      body = () -> new ByteArrayEntity(bytes, ContentType.APPLICATION_JSON);
      return this;
    }

    /**
     * A JSON body written once into one array sized from {@code sizeHint} (see {@link JsonBody});
     * for large bodies sent often, whose size the caller remembers.
     */
    JsonBody json(Object value, int sizeHint) {
      JsonBody json;
      try {
        json = JsonBody.write(mapper, value, sizeHint);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot write the body of " + method + " " + path, e);
      }
      body = () -> new ByteArrayEntity(json.array(), 0, json.length(), ContentType.APPLICATION_JSON);
      return json;
    }

    Request entity(Supplier<HttpEntity> entity) {
      this.body = entity;
      return this;
    }

    /** Safe to repeat after a 502/503/504 (a POST that only reads). */
    Request readOnly() {
      this.idempotent = true;
      return this;
    }

    /** Not safe to repeat although the method suggests so (a PUT that creates). */
    Request notIdempotent() {
      this.idempotent = false;
      return this;
    }

    Request anonymous() {
      this.anonymous = true;
      return this;
    }

    /**
     * Asks for an uncompressed answer. InvokeAI 6.14.2's gzip middleware fails on an empty 204
     * answer when the request accepts gzip ("Expected ASGI message 'http.response.start'"): the
     * route has done its work, but the client sees a 500. Routes that answer 204 use this.
     */
    Request uncompressed() {
      this.uncompressed = true;
      return this;
    }

    String method() {
      return method;
    }

    /** The path as sent, with any base path, without the query: for messages. */
    String fullPath() {
      return base.getRawPath() + path;
    }

    /** The response, whatever its status (after retries); I/O failures are thrown. */
    Response exchange() {
      return execute(this);
    }

    /**
     * The 2xx response.
     *
     * @throws InvokeHttpException on any other status
     */
    Response send() {
      Response response = exchange();
      if (!response.isSuccess()) {
        throw response.failure();
      }
      return response;
    }

    /** The 2xx response; empty on 404; other statuses throw {@link InvokeHttpException}. */
    Optional<Response> find() {
      Response response = exchange();
      if (response.status() == 404) {
        return Optional.empty();
      }
      if (!response.isSuccess()) {
        throw response.failure();
      }
      return Optional.of(response);
    }

    /** The 2xx response's JSON. */
    JsonNode sendJson() {
      return send().json();
    }

    /** The 2xx response's JSON; empty on 404 or a JSON {@code null}. */
    Optional<JsonNode> findJson() {
      return find().map(Response::json).filter(n -> !n.isNull() && !n.isMissingNode());
    }
  }

  /** A response read to the end. */
  final class Response {
    private final int status;
    private final byte[] body;
    private final Request request;

    private Response(int status, byte[] body, Request request) {
      this.status = status;
      this.body = body;
      this.request = request;
    }

    int status() {
      return status;
    }

    byte[] body() {
      return body;
    }

    boolean isSuccess() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        JsonNode node = mapper.readTree(body);
        if (node == null || node.isMissingNode()) {
          throw new InvokeProtocolException(
              request.method + " " + request.fullPath() + " answered with an empty body");
        }
        return node;
      } catch (IOException e) {
        throw new InvokeProtocolException(
            "cannot read the JSON answer of " + request.method + " " + request.fullPath(), e);
      }
    }

    InvokeHttpException failure() {
      return new InvokeHttpException(status, request.method, request.fullPath(), detail());
    }

    /**
     * FastAPI's {@code detail} (text, or JSON text without the echoed {@code input}s, which can be
     * the whole request body) or an excerpt of the body.
     */
    String detail() {
      try {
        JsonNode node = mapper.readTree(body);
        JsonNode detail = node == null ? null : node.get("detail");
        if (detail != null) {
          if (detail.isTextual()) {
            return detail.asText();
          }
          JsonNode copy = detail.deepCopy();
          if (copy.isArray()) {
            copy.forEach(entry -> {
              if (entry instanceof ObjectNode object) {
                object.remove("input");
              }
            });
          }
          return copy.toString();
        }
      } catch (IOException e) {
        // not JSON: use the text
      }
      String text = new String(body, StandardCharsets.UTF_8).strip();
      return text.length() <= MAX_TEXT_EXCERPT ? text : text.substring(0, MAX_TEXT_EXCERPT) + "…";
    }
  }

  // ---- execution ----

  private Response execute(Request request) {
    RetryPolicy policy = settings.retryPolicy();
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= policy.maxAttempts();
      Response response;
      try {
        response = request.anonymous ? executeOnce(request, null) : executeAuthenticated(request);
      } catch (IOException e) {
        boolean retry = isConnectFailure(e)
            || request.idempotent && e instanceof NoHttpResponseException;
        if (last || !retry) {
          throw new InvokeTransportException(request.method + " " + request.fullPath() + " failed: "
              + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        pause(policy, attempt, request, e.getClass().getSimpleName());
        continue;
      }
      if (!last && request.idempotent && RETRY_STATUSES.contains(response.status)) {
        pause(policy, attempt, request, "HTTP " + response.status);
        continue;
      }
      return response;
    }
  }

  private void pause(RetryPolicy policy, int attempt, Request request, String why) {
    Duration wait = policy.backoff(attempt);
    log.debug("{} {} attempt {} failed ({}), retrying in {} ms", request.method, request.fullPath(),
        attempt, why, wait.toMillis());
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvokeTransportException(
          request.method + " " + request.fullPath() + " interrupted while waiting to retry", e);
    }
  }

  private Response executeAuthenticated(Request request) throws IOException {
    String used = ensureToken();
    Response response = executeOnce(request, used);
    if (response.status == 401 && settings.email().isPresent()) {
      log.debug("{} {} answered 401, logging in again", request.method, request.fullPath());
      String fresh = relogin(used);
      response = executeOnce(request, fresh);
    }
    return response;
  }

  private String ensureToken() {
    String current = token;
    if (current != null || settings.email().isEmpty() || singleUserServer) {
      return current;
    }
    synchronized (loginLock) {
      if (token == null && !singleUserServer) {
        token = login();
      }
      return token;
    }
  }

  /** Logs in again unless another thread already replaced the token that failed. */
  private String relogin(String failed) {
    synchronized (loginLock) {
      if (token == null || token.equals(failed)) {
        token = login();
      }
      return token;
    }
  }

  private String login() {
    ObjectNode body = mapper.createObjectNode();
    body.put("email", settings.email().orElseThrow());
    body.put("password", settings.password().orElseThrow());
    body.put("remember_me", false);
    Request request = new Request("POST", LOGIN_PATH).json(body).anonymous();
    Response response = execute(request);
    if (response.status == 403 && isSingleUserServer()) {
      // InvokeAI answers 403 to a login when multiuser mode is off: every route is open there and
      // any Authorization header is ignored, so the same program works on both kinds of server.
      log.warn("credentials were given but the server at {} runs in single-user mode; sending no token",
          base);
      singleUserServer = true;
      return null;
    }
    if (!response.isSuccess()) {
      // a 422 echoes the request body (the password) in its detail: keep only the status
      String detail = response.status == 422 ? "login request rejected" : response.detail();
      throw new InvokeHttpException(response.status, "POST", request.fullPath(), detail);
    }
    JsonNode tokenNode = response.json().get("token");
    if (tokenNode == null || !tokenNode.isTextual() || tokenNode.asText().isBlank()) {
      throw new InvokeProtocolException("POST " + request.fullPath() + " answered without a token");
    }
    return tokenNode.asText();
  }

  /** Whether {@code GET /api/v1/auth/status} says multiuser mode is off. */
  private boolean isSingleUserServer() {
    Response status = execute(new Request("GET", "api/v1/auth/status").anonymous());
    if (!status.isSuccess()) {
      return false;
    }
    JsonNode multiuser = status.json().get("multiuser_enabled");
    return multiuser != null && multiuser.isBoolean() && !multiuser.asBoolean();
  }

  private Response executeOnce(Request request, String bearer) throws IOException {
    URI uri = uriOf(request);
    HttpUriRequestBase message = new HttpUriRequestBase(request.method, uri);
    message.setHeader(HttpHeaders.ACCEPT, "application/json");
    if (request.uncompressed) {
      // an explicit header is kept: the client adds its own Accept-Encoding only when none is set
      message.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
    }
    if (bearer != null) {
      message.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
    }
    if (request.body != null) {
      message.setEntity(request.body.get());
    }
    long start = System.nanoTime();
    Response response = client.execute(message, answer -> {
      HttpEntity entity = answer.getEntity();
      byte[] bytes = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
      Header refreshed = answer.getFirstHeader(REFRESHED_TOKEN);
      if (refreshed != null && bearer != null && !refreshed.getValue().isBlank()) {
        token = refreshed.getValue();
      }
      return new Response(answer.getCode(), bytes, request);
    });
    if (log.isDebugEnabled()) {
      log.debug("{} {} {} {} ms", request.method, request.fullPath(), response.status,
          (System.nanoTime() - start) / 1_000_000);
    }
    return response;
  }

  private URI uriOf(Request request) {
    URI resolved = base.resolve(request.path);
    if (request.query.isEmpty()) {
      return resolved;
    }
    try {
      return new URIBuilder(resolved).addParameters(request.query).build();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("bad request URI for " + request.path, e);
    }
  }

  /** Whether {@code e} is a response timeout (the request may have reached the server). */
  static boolean isTimeout(Throwable e) {
    return e instanceof InterruptedIOException && !(e instanceof ConnectTimeoutException);
  }
}
