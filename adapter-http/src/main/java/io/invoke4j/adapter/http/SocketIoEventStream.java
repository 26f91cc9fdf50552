package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.ports.EventStream;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.json.JSONException;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's live events over Socket.IO ({@code {basePath}/ws/socket.io}, python-socketio 5 on
 * the server), as typed {@link InvokeEvent}s.
 *
 * <p>The connection opens on the first {@link #subscribe}. After every (re)connect the stream sends
 * {@code subscribe_queue} for its queue and, once the server acknowledged it, tells listeners
 * {@link Listener#onConnected()}. A lost connection is reported with {@link
 * Listener#onDisconnected(String)} and retried after the reconnect delay, forever, until {@link
 * #close()}; each attempt asks the token supplier again, so a refreshed token is used. Listeners are
 * called one at a time, in the order the server sent, from the stream's own daemon thread; a
 * listener that throws is logged and does not affect the others.
 *
 * <pre>{@code
 * try (var events = SocketIoEventStream.create(URI.create("http://localhost:9090"), Optional::empty, "default")) {
 *   events.subscribe(event -> System.out.println(event.name()));
 *   ...
 * }
 * }</pre>
 */
public final class SocketIoEventStream implements EventStream {
  private static final Logger log = LoggerFactory.getLogger(SocketIoEventStream.class);

  /** The reconnect delay of {@link #create(URI, Supplier, String)}. */
  static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(2);

  /** How long to wait for the server to acknowledge {@code subscribe_queue}. */
  static final Duration SUBSCRIBE_ACK_TIMEOUT = Duration.ofSeconds(10);

  /** How long {@link #close()} waits for the engine to finish closing before freeing its threads. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  // socket.io-client 2.x tries only the first transport it is given. Websocket first; after a
  // transport failure the next attempt starts on long-polling, which upgrades to websocket when it
  // can (e.g. a proxy that blocks websockets but passes plain HTTP).
  private static final String[] WEBSOCKET = {"websocket"};
  private static final String[] POLLING_THEN_UPGRADE = {"polling", "websocket"};

  private final URI origin;
  private final String socketPath;
  private final Supplier<Optional<String>> bearerToken;
  private final String queueId;
  private final Duration reconnectDelay;
  private final EventMapper mapper;
  private final OkHttpClient http;
  private final ScheduledExecutorService worker;
  private final CopyOnWriteArrayList<Registration> listeners = new CopyOnWriteArrayList<>();

  private final Object lock = new Object();
  // guarded by lock
  private boolean started;
  private boolean closed;
  private Socket current;
  private boolean subscribed;
  private boolean startWithPolling;
  private int failedAttempts;
  private ScheduledFuture<?> pendingReconnect;

  private volatile boolean connected;

  private SocketIoEventStream(
      URI baseUri, Supplier<Optional<String>> bearerToken, String queueId, Duration reconnectDelay) {
    this.origin = URI.create(baseUri.getScheme() + "://" + baseUri.getRawAuthority());
    String basePath = baseUri.getRawPath() == null ? "" : baseUri.getRawPath().replaceAll("/+$", "");
    this.socketPath = basePath + "/ws/socket.io";
    this.bearerToken = bearerToken;
    this.queueId = queueId;
    this.reconnectDelay = reconnectDelay;
    this.mapper = new EventMapper(new ObjectMapper());
    this.http = newHttpClient();
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, daemonThreads("invoke4j-events"));
    executor.setRemoveOnCancelPolicy(true);
    this.worker = executor;
  }

  /**
   * A stream of the events of queue {@code queueId} on the server at {@code baseUri}, reconnecting
   * two seconds after a drop. Nothing is opened until the first {@link #subscribe}.
   *
   * @param baseUri the server's base URL, e.g. {@code http://localhost:9090}; a reverse-proxy
   *     sub-path is kept ({@code http://host/invoke} connects to {@code /invoke/ws/socket.io})
   * @param bearerToken the JWT of a multiuser server, asked anew on every connection attempt;
   *     empty for a single-user server
   * @param queueId the queue to subscribe to, usually {@code default}
   * @throws IllegalArgumentException if {@code baseUri} is not an absolute http(s) URL or {@code
   *     queueId} is blank
   */
  public static SocketIoEventStream create(
      URI baseUri, Supplier<Optional<String>> bearerToken, String queueId) {
    return create(baseUri, bearerToken, queueId, DEFAULT_RECONNECT_DELAY);
  }

  /**
   * As {@link #create(URI, Supplier, String)}, waiting {@code reconnectDelay} before each attempt
   * to reconnect.
   *
   * @throws IllegalArgumentException also if {@code reconnectDelay} is not positive
   */
  public static SocketIoEventStream create(
      URI baseUri, Supplier<Optional<String>> bearerToken, String queueId, Duration reconnectDelay) {
    requireNonNull(baseUri, "baseUri == null");
    requireNonNull(bearerToken, "bearerToken == null");
    requireNonNull(queueId, "queueId == null");
    requireNonNull(reconnectDelay, "reconnectDelay == null");
    String scheme = baseUri.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
        || baseUri.getRawAuthority() == null) {
      throw new IllegalArgumentException("baseUri must be an absolute http(s) URL: " + baseUri);
    }
    if (queueId.isBlank()) {
      throw new IllegalArgumentException("queueId is blank");
    }
    if (reconnectDelay.isNegative() || reconnectDelay.isZero()) {
      throw new IllegalArgumentException("reconnectDelay must be positive: " + reconnectDelay);
    }
    return new SocketIoEventStream(baseUri, bearerToken, queueId, reconnectDelay);
  }

  /**
   * Registers {@code listener} and opens the connection if this is the first subscription. A
   * listener registered while the stream is connected is told {@link Listener#onConnected()} at
   * once (on the stream's thread), so it need not check {@link #isConnected()} itself.
   *
   * @throws IllegalStateException if the stream is closed
   */
  @Override
  public Subscription subscribe(Listener listener) {
    requireNonNull(listener, "listener == null");
    Registration registration = new Registration(listener);
    boolean connectNow;
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the event stream is closed");
      }
      listeners.add(registration);
      connectNow = !started;
      started = true;
      if (subscribed) {
        submit(() -> registration.connected());
      }
    }
    if (connectNow) {
      submit(this::connect);
    }
    return () -> listeners.remove(registration);
  }

  /** Whether the stream is connected and the server acknowledged {@code subscribe_queue}. */
  @Override
  public boolean isConnected() {
    return connected;
  }

  /**
   * Disconnects, drops every listener (none is called any more) and frees the stream's threads.
   * Idempotent.
   */
  @Override
  public void close() {
    Socket socket;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      connected = false;
      socket = current;
      current = null;
      if (pendingReconnect != null) {
        pendingReconnect.cancel(false);
      }
    }
    listeners.clear();
    if (socket != null) {
      closeAndWait(socket);
    }
    worker.shutdownNow();
    // Only after the engine has closed: socket.io-client 2.1.1 answers a rejected HTTP call during
    // a polling close by closing again, recursing until StackOverflowError.
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  // --- connection life cycle (all on the worker thread) ------------------------------------------

  private void connect() {
    Socket socket;
    synchronized (lock) {
      if (closed || current != null) {
        return;
      }
      pendingReconnect = null;
      subscribed = false;
      IO.Options options;
      try {
        options = options(bearerToken.get());
      } catch (RuntimeException e) {
        log.warn("The bearer token supplier failed; retrying in {}: {}", reconnectDelay, e.toString());
        scheduleReconnect();
        return;
      }
      socket = IO.socket(origin, options);
      current = socket;
      listen(socket);
    }
    log.debug("Connecting to {}{} ({})", origin, socketPath, startWithPolling ? "polling" : "websocket");
    socket.connect();
  }

  private IO.Options options(Optional<String> token) {
    IO.Options options = IO.Options.builder()
        .setPath(socketPath)
        .setForceNew(true)
        // our own loop reconnects: it asks the token supplier anew and can switch transports
        .setReconnection(false)
        .setTransports(startWithPolling ? POLLING_THEN_UPGRADE : WEBSOCKET)
        .build();
    token.ifPresent(jwt -> options.auth = Map.of("token", jwt));
    options.callFactory = http;
    options.webSocketFactory = http;
    return options;
  }

  private void listen(Socket socket) {
    // socket.io-client calls these on its EventThread; hand everything to our thread so listeners
    // see connection changes and events in one order and cannot stall the socket's heartbeat.
    socket.on(Socket.EVENT_CONNECT, args -> submit(() -> onSocketConnected(socket)));
    socket.on(Socket.EVENT_CONNECT_ERROR,
        args -> submit(() -> onConnectError(socket, args.length > 0 ? args[0] : null)));
    socket.on(Socket.EVENT_DISCONNECT,
        args -> submit(() -> onDisconnect(socket, args.length > 0 ? String.valueOf(args[0]) : "")));
    socket.onAnyIncoming(args -> {
      if (args.length > 0 && args[0] instanceof String) {
        String name = (String) args[0];
        Object[] payload = Arrays.copyOfRange(args, 1, args.length);
        submit(() -> deliver(mapper.fromSocket(name, payload)));
      }
    });
  }

  private void onSocketConnected(Socket socket) {
    synchronized (lock) {
      if (socket != current) {
        return;
      }
    }
    JSONObject body = new JSONObject();
    try {
      body.put("queue_id", queueId);
    } catch (JSONException e) {
      throw new IllegalStateException("org.json refused a string value", e);
    }
    // python-socketio acknowledges an event that asks for it even when the handler returns
    // nothing, so the ack tells us the socket joined the queue's room.
    Ack ack = args -> submit(() -> onSubscribed(socket, true));
    socket.emit("subscribe_queue", new Object[] {body}, ack);
    schedule(() -> onSubscribed(socket, false), SUBSCRIBE_ACK_TIMEOUT);
  }

  private void onSubscribed(Socket socket, boolean acknowledged) {
    List<Registration> toTell;
    synchronized (lock) {
      if (socket != current || subscribed) {
        return;
      }
      if (!acknowledged) {
        log.warn("No acknowledgement of subscribe_queue within {}; assuming the socket is subscribed",
            SUBSCRIBE_ACK_TIMEOUT);
      }
      subscribed = true;
      connected = true;
      if (failedAttempts > 0) {
        log.info("Event stream connected to {}{} after {} failed attempts", origin, socketPath, failedAttempts);
      }
      failedAttempts = 0;
      // taken under the lock: a listener subscribing from now on is told by subscribe() instead
      toTell = List.copyOf(listeners);
    }
    log.debug("Event stream connected and subscribed to queue {}", queueId);
    for (Registration registration : toTell) {
      registration.connected();
    }
  }

  private void onConnectError(Socket socket, Object error) {
    synchronized (lock) {
      if (socket != current) {
        return;
      }
      current = null;
      failedAttempts++;
      // An exception is a transport failure: try the other transport next. Anything else (a JSON
      // object such as {"message": "..."}) is the server refusing the connection, e.g. a bad token.
      if (error instanceof Exception) {
        startWithPolling = !startWithPolling;
      }
      if (failedAttempts == 1) {
        log.warn("Cannot connect the event stream to {}{}; retrying every {}: {}",
            origin, socketPath, reconnectDelay, describe(error));
      } else {
        log.debug("Event stream connect attempt {} failed: {}", failedAttempts, describe(error));
      }
      scheduleReconnect();
    }
    socket.close();
  }

  private void onDisconnect(Socket socket, String reason) {
    boolean wasConnected;
    synchronized (lock) {
      if (socket != current) {
        return;
      }
      current = null;
      wasConnected = subscribed;
      subscribed = false;
      connected = false;
      scheduleReconnect();
    }
    socket.close();
    log.info("Event stream disconnected ({}); reconnecting in {}", reason, reconnectDelay);
    if (wasConnected) {
      for (Registration registration : listeners) {
        registration.disconnected(reason);
      }
    }
  }

  private void scheduleReconnect() {
    // caller holds lock
    if (!closed) {
      pendingReconnect = schedule(this::connect, reconnectDelay);
    }
  }

  private void deliver(InvokeEvent event) {
    for (Registration registration : listeners) {
      registration.event(event);
    }
  }

  private void submit(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException closedAlready) {
      // close() has shut the worker down: nothing is delivered any more
    }
  }

  private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    try {
      return worker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closedAlready) {
      return null;
    }
  }

  private static void closeAndWait(Socket socket) {
    CountDownLatch engineClosed = new CountDownLatch(1);
    socket.io().on(Manager.EVENT_CLOSE, args -> engineClosed.countDown());
    socket.close();
    try {
      if (!engineClosed.await(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.debug("The socket did not report its close within {}", CLOSE_GRACE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String describe(Object error) {
    if (error instanceof Throwable) {
      Throwable cause = ((Throwable) error).getCause();
      return error + (cause == null ? "" : " (" + cause + ")");
    }
    return String.valueOf(error);
  }

  // --- HTTP client ------------------------------------------------------------------------------

  private static OkHttpClient newHttpClient() {
    // Our own client instead of socket.io-client's shared default: its dispatcher threads are daemon
    // threads and close() shuts them down, so a program that closes the stream can exit.
    ExecutorService calls = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonThreads("invoke4j-events-http"));
    return new OkHttpClient.Builder()
        .dispatcher(new Dispatcher(calls))
        // a long-poll GET is held by the server up to its ping interval (25 s)
        .readTimeout(Duration.ofMinutes(1))
        .connectTimeout(Duration.ofSeconds(10))
        // InvokeAI 6.14.2 answers 500 to every Engine.IO polling request that accepts gzip: its
        // ContentTypeAwareGZipMiddleware breaks the ASGI message order of the mounted socket.io app
        // ("Expected ASGI message 'http.response.start', but got 'http.response.body'"). OkHttp adds
        // "Accept-Encoding: gzip" unless the request already says otherwise.
        .addInterceptor(chain -> chain.request().header("Accept-Encoding") != null
            ? chain.proceed(chain.request())
            : chain.proceed(chain.request().newBuilder().header("Accept-Encoding", "identity").build()))
        .build();
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One listener; its exceptions are logged and swallowed so the others still get the event. */
  private static final class Registration {
    private final Listener listener;

    Registration(Listener listener) {
      this.listener = listener;
    }

    void event(InvokeEvent event) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        log.warn("An event listener failed on {}", event.name(), e);
      }
    }

    void connected() {
      try {
        listener.onConnected();
      } catch (RuntimeException e) {
        log.warn("An event listener failed on connect", e);
      }
    }

    void disconnected(String reason) {
      try {
        listener.onDisconnected(reason);
      } catch (RuntimeException e) {
        log.warn("An event listener failed on disconnect", e);
      }
    }
  }
}
