package io.invoke4j.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.invoke4j.adapter.http.HttpSettings;
import io.invoke4j.adapter.http.InvokeHttp;
import io.invoke4j.adapter.http.RetryPolicy;
import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.app.usecase.BoardRepository;
import io.invoke4j.app.usecase.DnnModelRepository;
import io.invoke4j.app.usecase.QueueRepository;
import io.invoke4j.app.usecase.Quick;
import io.invoke4j.app.usecase.ServerRepository;
import io.invoke4j.app.usecase.WorkflowRepository;
import io.invoke4j.app.wiring.HttpAdapterModule;
import io.invoke4j.app.wiring.MemoryAdapterModule;
import io.invoke4j.app.wiring.SwappedPortsModule;
import io.invoke4j.app.wiring.UseCaseModule;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ModelGateway;
import io.invoke4j.ports.QueueGateway;
import io.invoke4j.ports.ServerGateway;
import io.invoke4j.ports.VideoGateway;
import io.invoke4j.ports.WorkflowLibrary;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client of one InvokeAI server: run workflows exported from the GUI, and reach the queue,
 * images, boards, models and live events.
 *
 * <pre>{@code
 * try (InvokeAIClient client = InvokeAIClient.fromUrl("http://127.0.0.1:9090")) {
 *   WorkflowHandle wf = client.workflowRepo().createWorkflow(WorkflowDefinition.fromFile(path));
 *   wf.syncDnnModel(true, true);
 *   wf.setInputValue(0, 96);
 *   wf.submitSync();
 *   QueueItem done = wf.waitForCompletionSync(Duration.ofMillis(500), Duration.ofSeconds(180), update -> {});
 *   for (OutputMapping m : wf.mapOutputsToImages(done)) {
 *     for (ImageName name : m.imageNames()) {
 *       byte[] png = client.images().download(name);
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>For anything beyond a URL, use the {@link #builder()}: authentication, timeouts, retries, the
 * queue id, and any port swapped for another implementation (e.g. a fake in a test). For tests
 * without a server, {@link #inMemory()} runs against an InvokeAI in memory (adapter-memory's
 * {@link MemoryInvokeAI}); {@link Builder#inMemory(MemoryInvokeAI)} keeps it at hand to drive. The
 * client is thread-safe. {@link #close()} closes the connection, the event stream and the waiting threads.
 */
public final class InvokeAIClient implements AutoCloseable {
  private final QueueRepository queue;
  private final ImageGateway images;
  private final VideoGateway videos;
  private final BoardGateway boards;
  private final ModelGateway models;
  private final WorkflowLibrary workflowLibrary;
  private final ServerRepository server;
  private final EventStream events;
  private final BoardRepository boardRepo;
  private final DnnModelRepository dnnModelRepo;
  private final Quick quick;
  private final WorkflowRepository workflowRepo;
  private final Optional<InvokeHttp> http;
  private final ExecutorService waitExecutor;
  private final Runnable closeOwned;

  private InvokeAIClient(Injector injector, boolean usesHttp, ExecutorService waitExecutor, Runnable closeOwned) {
    this.events = injector.getInstance(EventStream.class);
    this.queue = new QueueRepository(injector.getInstance(QueueGateway.class), events);
    this.images = injector.getInstance(ImageGateway.class);
    this.videos = injector.getExistingBinding(Key.get(VideoGateway.class)) != null
        ? injector.getInstance(VideoGateway.class) : noVideos();
    this.boards = injector.getInstance(BoardGateway.class);
    this.models = injector.getInstance(ModelGateway.class);
    this.workflowLibrary = injector.getInstance(WorkflowLibrary.class);
    this.server = new ServerRepository(injector.getInstance(ServerGateway.class));
    this.boardRepo = new BoardRepository(boards, images);
    this.dnnModelRepo = new DnnModelRepository(models, events);
    this.workflowRepo = injector.getInstance(WorkflowRepository.class);
    this.quick = new Quick(images, workflowRepo, models);
    this.http = usesHttp ? Optional.of(injector.getInstance(InvokeHttp.class)) : Optional.empty();
    this.waitExecutor = waitExecutor;
    this.closeOwned = closeOwned;
  }

  /**
   * A client of the server at {@code baseUrl} (e.g. {@code http://127.0.0.1:9090}, or behind a
   * reverse proxy {@code https://host/invoke}) with the default settings and no authentication.
   * Nothing is contacted yet.
   *
   * @throws IllegalArgumentException when {@code baseUrl} is not an absolute http(s) URL
   */
  public static InvokeAIClient fromUrl(String baseUrl) {
    return builder().baseUrl(baseUrl).build();
  }

  /**
   * A client of a new InvokeAI in memory ({@link MemoryInvokeAI#create()}): model-less nodes run
   * for real, items run one at a time on a background thread, nothing leaves the JVM. For tests of
   * code that uses the client; {@link #close()} stops the in-memory server too. To drive it (manual
   * processing, failures, a clock), build it yourself and pass it to {@link Builder#inMemory}.
   */
  public static InvokeAIClient inMemory() {
    MemoryInvokeAI invoke = MemoryInvokeAI.create();
    try {
      Builder builder = builder().inMemory(invoke);
      builder.ownsMemory = true;
      return builder.build();
    } catch (RuntimeException e) {
      invoke.close();
      throw e;
    }
  }

  /** A builder for a client with more than a URL. */
  public static Builder builder() {
    return new Builder();
  }

  /** Workflows bound to this server: {@code createWorkflow(definition)} gives a handle to set and submit. */
  public WorkflowRepository workflowRepo() {
    return workflowRepo;
  }

  /**
   * The session queue: every {@link QueueGateway} call, {@link QueueRepository#jobHandle job
   * handles} and {@link QueueRepository#checkWedged() wedge detection}.
   */
  public QueueRepository queue() {
    return queue;
  }

  /**
   * Boards and their images (the Python client's {@code board_repo}): {@code getBoardHandle(id)}
   * gives a {@link io.invoke4j.app.usecase.BoardHandle} to upload, list, move, star and delete.
   */
  public BoardRepository boardRepo() {
    return boardRepo;
  }

  /**
   * Models (the Python client's {@code dnn_model_repo}): installed models, installs with
   * {@link io.invoke4j.app.usecase.ModelInstallJobHandle}s, the model cache, the Hugging Face token.
   */
  public DnnModelRepository dnnModelRepo() {
    return dnnModelRepo;
  }

  /** Images: upload, download, delete. */
  public ImageGateway images() {
    return images;
  }

  /** Boards. */
  public BoardGateway boards() {
    return boards;
  }

  /** Installed models. */
  public ModelGateway models() {
    return models;
  }

  /** The server's saved workflows. */
  public WorkflowLibrary workflowLibrary() {
    return workflowLibrary;
  }

  /** One-call helpers (the Python client's {@code quick}), e.g. copy an image to a board. */
  public Quick quick() {
    return quick;
  }

  /**
   * Videos: the outputs of video nodes (Wan 2.2) and uploads. A client built from swapped ports
   * without {@link Builder#videoGateway} has none: its calls throw {@link IllegalStateException}.
   */
  public VideoGateway videos() {
    return videos;
  }

  /** A video gateway whose every call says why there is none. */
  private static VideoGateway noVideos() {
    return (VideoGateway) Proxy.newProxyInstance(VideoGateway.class.getClassLoader(),
        new Class<?>[] {VideoGateway.class}, (proxy, method, args) -> {
          if (method.getName().equals("toString")) {
            return "no VideoGateway";
          }
          throw new IllegalStateException("this client has no video gateway: give a baseUrl, inMemory(...) or"
              + " videoGateway(...) to the builder");
        });
  }

  /** The server's live events (connects on the first subscription). */
  public EventStream events() {
    return events;
  }

  /** The server: version, health, runtime configuration, schema and invocation templates. */
  public ServerRepository server() {
    return server;
  }

  /**
   * Stops waiting threads (their futures fail), closes the event stream - a swapped one too - and
   * the HTTP connection. Items already queued keep running on the server.
   */
  @Override
  public void close() {
    waitExecutor.shutdownNow();
    try {
      events.close();
    } finally {
      http.ifPresent(InvokeHttp::close);
      closeOwned.run();
    }
  }

  @Override
  public String toString() {
    return "InvokeAIClient[" + http.map(h -> h.baseUri().toString()).orElse("swapped ports") + "]";
  }

  /**
   * Builds an {@link InvokeAIClient}. A base URL is required unless the client runs {@link
   * #inMemory(MemoryInvokeAI) in memory} or every port is swapped; the settings are checked as they
   * are given and in {@link #build()}.
   */
  public static final class Builder {
    private final HttpSettings.Builder http = HttpSettings.builder();
    private final SwappedPortsModule swapped = new SwappedPortsModule();
    private boolean hasBaseUrl;
    private MemoryInvokeAI memory;
    private boolean ownsMemory;

    private Builder() {}

    /**
     * The server's base URL, e.g. {@code http://127.0.0.1:9090}; behind a reverse proxy with its
     * sub-path, e.g. {@code https://host/invoke} (a missing trailing slash is added).
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      requireNonNull(baseUrl, "baseUrl == null");
      URI uri;
      try {
        uri = URI.create(baseUrl.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
      }
      return baseUrl(uri);
    }

    /**
     * The server's base URL, see {@link #baseUrl(String)}.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL
     */
    public Builder baseUrl(URI baseUrl) {
      http.baseUrl(baseUrl);
      hasBaseUrl = true;
      return this;
    }

    /** A bearer token for a multiuser server (replaces credentials given before). */
    public Builder token(String token) {
      http.token(token);
      return this;
    }

    /** Email and password for a multiuser server, logged in on first use (replace a token given before). */
    public Builder credentials(String email, String password) {
      http.credentials(email, password);
      return this;
    }

    /** How long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      http.connectTimeout(timeout);
      return this;
    }

    /** How long to wait for a response (default 60 s). */
    public Builder readTimeout(Duration timeout) {
      http.responseTimeout(timeout);
      return this;
    }

    /** How failed requests are retried (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} for none). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      http.retryPolicy(retryPolicy);
      return this;
    }

    /** The session queue (default {@code default}, as the GUI). */
    public Builder queueId(String queueId) {
      http.queueId(queueId);
      return this;
    }

    /** Uses {@code queue} instead of the HTTP queue gateway. */
    public Builder queueGateway(QueueGateway queue) {
      swapped.bind(QueueGateway.class, queue);
      return this;
    }

    /** Uses {@code images} instead of the HTTP image gateway. */
    public Builder imageGateway(ImageGateway images) {
      swapped.bind(ImageGateway.class, images);
      return this;
    }

    /** Uses {@code boards} instead of the HTTP board gateway. */
    public Builder boardGateway(BoardGateway boards) {
      swapped.bind(BoardGateway.class, boards);
      return this;
    }

    /** Uses {@code models} instead of the HTTP model gateway. */
    public Builder modelGateway(ModelGateway models) {
      swapped.bind(ModelGateway.class, models);
      return this;
    }

    /** Uses {@code library} instead of the HTTP workflow library. */
    public Builder workflowLibrary(WorkflowLibrary library) {
      swapped.bind(WorkflowLibrary.class, library);
      return this;
    }

    /** Uses {@code server} instead of the HTTP server gateway. */
    public Builder serverGateway(ServerGateway server) {
      swapped.bind(ServerGateway.class, server);
      return this;
    }

    /** Uses {@code videos} instead of the HTTP (or in-memory) video gateway. */
    public Builder videoGateway(VideoGateway videos) {
      swapped.bind(VideoGateway.class, videos);
      return this;
    }

    /** Uses {@code events} instead of the Socket.IO event stream; the client closes it on {@link #close()}. */
    public Builder eventStream(EventStream events) {
      swapped.bind(EventStream.class, events);
      return this;
    }

    /**
     * Runs every port against {@code invoke}, an InvokeAI in memory, instead of a server (ports
     * swapped as well still win). The caller keeps {@code invoke} to drive it, and closes it: the
     * client's {@link InvokeAIClient#close()} only closes its event stream, which drops every
     * listener of {@code invoke.events()} (a later subscription reconnects). The HTTP settings
     * (timeouts, retries, queue id) do not apply; the in-memory queue is {@code default}.
     */
    public Builder inMemory(MemoryInvokeAI invoke) {
      this.memory = requireNonNull(invoke, "invoke == null");
      return this;
    }

    /**
     * The client. Nothing is contacted yet.
     *
     * @throws IllegalStateException when no base URL was given, the client is not in memory and
     *     not every port was swapped, naming the ports still missing; or when both a base URL and
     *     {@link #inMemory(MemoryInvokeAI)} were given
     */
    public InvokeAIClient build() {
      List<Class<?>> missing = new ArrayList<>(PORTS);
      missing.removeAll(swapped.ports());
      if (hasBaseUrl && memory != null) {
        throw new IllegalStateException("baseUrl and inMemory(...) exclude each other: give one of them");
      }
      if (!hasBaseUrl && memory == null && !missing.isEmpty()) {
        throw new IllegalStateException("baseUrl is required unless every port is swapped; not swapped: "
            + String.join(", ", missing.stream().map(Class::getSimpleName).toList()));
      }
      boolean usesHttp = hasBaseUrl && !missing.isEmpty();
      if (memory != null && !swapped.ports().contains(VideoGateway.class)) {
        swapped.bind(VideoGateway.class, memory.videos());
      }
      Module ports = usesHttp ? Modules.override(new HttpAdapterModule(http.build())).with(swapped)
          : memory != null ? Modules.override(new MemoryAdapterModule(memory)).with(swapped)
          : swapped;
      Runnable closeOwned = ownsMemory ? memory::close : () -> { };
      ExecutorService waitExecutor = Executors.newCachedThreadPool(new WaitThreads());
      try {
        Injector injector = Guice.createInjector(ports, new UseCaseModule(waitExecutor));
        return new InvokeAIClient(injector, usesHttp, waitExecutor, closeOwned);
      } catch (RuntimeException e) {
        waitExecutor.shutdownNow();
        throw e;
      }
    }

    private static final List<Class<?>> PORTS = List.of(QueueGateway.class, ImageGateway.class,
        BoardGateway.class, ModelGateway.class, WorkflowLibrary.class, ServerGateway.class, EventStream.class);
  }

  /** Daemon threads, so a forgotten client does not keep the JVM alive. */
  private static final class WaitThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "invoke4j-wait-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
