package io.invoke4j.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.adapter.http.JsonBody;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The payload path per workflow of the fixtures, as {@code benchmarks/python/harness.py} times it
 * for invokeai-py-client:
 * <ul>
 *   <li>{@link #fullPrepare}: read the file, discover the inputs, set the first 5 inputs to their
 *       current values (inputs without a value are skipped), build the enqueue body as
 *       {@code HttpQueueGateway} sends it ({@code toWireJson}) and serialize it
 *       to the bytes that go on the wire, as it does ({@link JsonBody});</li>
 *   <li>{@link #perSubmission}: the same with the definition already loaded.</li>
 * </ul>
 * Sample time: every call is timed, so the median compares with the harness's median of calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SubmissionBenchmark {
  /** Inputs set per submission. */
  static final int INPUTS_SET = 5;

  @Param({
      "gui-exported/copy-image",
      "gui-exported/example-nodes",
      "gui-exported/flux-image-to-image",
      "gui-exported/sdxl-flux-refine",
      "gui-exported/sdxl-text-to-image",
      "invokeai-defaults/esrgan-upscaling-with-canny-controlnet",
      "invokeai-defaults/face-detailer-with-ip-adapter-canny-see-note-in-details",
      "invokeai-defaults/flux-image-to-image",
      "invokeai-defaults/flux-text-to-image",
      "invokeai-defaults/image-to-video-wan-2-2-lightning",
      "invokeai-defaults/multi-controlnet-canny-depth",
      "invokeai-defaults/multidiffusion-sdxl",
      "invokeai-defaults/prompt-from-file",
      "invokeai-defaults/sd3-5-text-to-image",
      "invokeai-defaults/text-to-image-sd1-5",
      "invokeai-defaults/text-to-image-sdxl",
      "invokeai-defaults/tiled-upscaling-beta",
      "invokeai-defaults/wan-2-2-text-to-image"})
  public String workflow;

  private final ObjectMapper mapper = new ObjectMapper();
  private Path file;
  private WorkflowDefinition loaded;
  /** The last body's size, as {@code HttpQueueGateway} keeps it to size the next body's array. */
  private int sizeHint;

  @Setup
  public void load() throws Exception {
    file = Fixtures.workflow(workflow);
    loaded = WorkflowDefinition.fromFile(file);
    // fail here, not in the measurement, when a workflow cannot be sent
    sizeHint = write(submit(loaded)).length();
  }

  @Benchmark
  public JsonBody fullPrepare() throws Exception {
    return write(submit(WorkflowDefinition.fromFile(file)));
  }

  @Benchmark
  public JsonBody perSubmission() throws Exception {
    return write(submit(loaded));
  }

  /** The bytes as {@code HttpQueueGateway} writes them (one array sized from the last body). */
  private JsonBody write(com.fasterxml.jackson.databind.JsonNode body) throws java.io.IOException {
    JsonBody bytes = JsonBody.write(mapper, body, sizeHint);
    sizeHint = bytes.length();
    return bytes;
  }

  /** Sets the first inputs to their current values and builds the body. */
  static com.fasterxml.jackson.databind.JsonNode submit(WorkflowDefinition workflow) {
    WorkflowDefinition changed = workflow;
    int n = Math.min(INPUTS_SET, workflow.inputs().size());
    for (int i = 0; i < n; i++) {
      WorkflowInput input = workflow.inputs().get(i);
      if (input.value().isPresent()) {
        changed = changed.withValue(i, input.value().get());
      }
    }
    return EnqueueRequest.forWorkflow(changed).build().toWireJson(); // the body HttpQueueGateway sends
  }
}
