package io.invoke4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.invoke4j.adapter.http.HttpQueueGateway;
import io.invoke4j.adapter.http.HttpSettings;
import io.invoke4j.adapter.http.InvokeHttp;
import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.NodeOutput;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading answers of the server:
 * <ul>
 *   <li>{@link #outputMapping}: the completed queue item of the fixtures (parsed once) read into a
 *       {@code QueueItem} and mapped to its node outputs;</li>
 *   <li>{@link #rejection422}: {@code HttpQueueGateway.enqueue} of {@code copy-image} against a
 *       local stub answering 422 with a FastAPI validation body, up to the
 *       {@link EnqueueRejectedException} and its problems; the loopback round trip is included (the
 *       mapper is package-private), as it is in the Python harness.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MappingBenchmark {
  private JsonNode completed;
  private HttpServer stub;
  private InvokeHttp http;
  private HttpQueueGateway queue;
  private EnqueueRequest request;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    completed = new ObjectMapper().readTree(Fixtures.completedQueueItem().toFile());
    byte[] body;
    try (InputStream in = MappingBenchmark.class.getResourceAsStream("rejected-422.json")) {
      body = in.readAllBytes();
    }
    // the JDK server writes headers and body apart: without this, Nagle and delayed ACKs add ~40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(422, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    stub.setExecutor(Executors.newSingleThreadExecutor());
    stub.start();
    http = InvokeHttp.create(HttpSettings.builder()
        .baseUrl(URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/"))
        .build());
    queue = new HttpQueueGateway(http);
    request = EnqueueRequest.forWorkflow(
        WorkflowDefinition.fromFile(Fixtures.workflow("gui-exported/copy-image"))).build();
    if (rejection422().size() != 4) {
      throw new IllegalStateException("the stub's 422 did not map to 4 problems");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    http.close();
    stub.stop(0);
  }

  @Benchmark
  public List<NodeOutput> outputMapping() {
    return OutputMapper.map(HttpQueueGateway.readQueueItem(completed));
  }

  @Benchmark
  public List<?> rejection422() {
    try {
      queue.enqueue(request);
    } catch (EnqueueRejectedException e) {
      return e.problems();
    }
    throw new IllegalStateException("the stub accepted the batch");
  }
}
