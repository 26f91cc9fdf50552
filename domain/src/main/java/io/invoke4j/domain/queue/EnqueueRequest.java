package io.invoke4j.domain.queue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.immutables.value.Value;

/**
 * The body of {@code POST /api/v1/queue/default/enqueue_batch}, as the GUI's
 * {@code useEnqueueWorkflows.ts} sends it:
 * {@code {"batch": {"graph", "workflow", "runs", "origin", "destination", "data"}, "prepend"}}.
 *
 * <pre>{@code
 * EnqueueRequest request = EnqueueRequest.forWorkflow(WorkflowDefinition.fromFile(file))
 *     .runs(3)
 *     .autoAddBoard("b1")
 *     .sweep(Sweep.of(noiseNodeId, "seed", 1, 2, 3))
 *     .build();
 * request.expectedSessions(); // 9
 * }</pre>
 */
@Value.Immutable
@InvokeStyle
public abstract class EnqueueRequest {
  /**
   * The batch id to send; empty lets the server choose one (as the GUI does). A client that must
   * never enqueue twice sets one so it can look the batch up when a send's outcome is unknown.
   */
  public abstract Optional<BatchId> batchId();

  /** The executable graph. */
  public abstract Graph graph();

  /** The workflow stored with every queue item and image, or empty to send none. */
  public abstract Optional<JsonNode> workflow();

  /** The batch data: the workflow's batch nodes followed by sweeps from code. */
  @Value.Default
  public BatchData data() {
    return BatchData.empty();
  }

  /** How often the whole batch runs (the GUI's "iterations"); at least 1. */
  @Value.Default
  public int runs() {
    return 1;
  }

  /** Free text echoed in queue items and events; the GUI's workflow editor sends "workflows". */
  @Value.Default
  public String origin() {
    return "workflows";
  }

  /** Free text echoed in queue items and events; the GUI sends "gallery". */
  @Value.Default
  public String destination() {
    return "gallery";
  }

  /** Whether the items go to the front of the queue. */
  @Value.Default
  public boolean prepend() {
    return false;
  }

  /** The sessions the server should create: {@code runs × data().sessionCount()}. */
  public int expectedSessions() {
    return Math.multiplyExact(runs(), data().sessionCount());
  }

  /** The request body; {@code data} is always sent, {@code []} when there is none, as the GUI. */
  public ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode batch = body.putObject("batch");
    batchId().ifPresent(id -> batch.put("batch_id", id.value()));
    batch.set("graph", graph().toJson());
    workflow().ifPresent(w -> batch.set("workflow", w.deepCopy()));
    batch.put("runs", runs());
    batch.put("origin", origin());
    batch.put("destination", destination());
    batch.set("data", data().toJson());
    body.put("prepend", prepend());
    return body;
  }

  /**
   * The request body as it goes on the wire: {@link #toJson()}'s content, but the embedded workflow
   * is made of JSON text encoded once per workflow part and reused across submissions (raw value
   * nodes: any {@code ObjectMapper} writes them as they are, but they cannot be read as trees).
   * The graph's nodes and edges are written the same way. Nothing is copied; for reading or changing
   * the body, use {@link #toJson()}.
   */
  public ObjectNode toWireJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode batch = body.putObject("batch");
    batchId().ifPresent(id -> batch.put("batch_id", id.value()));
    // the graph's nodes and edges as JSON text encoded once per tree: GraphBuilder reuses the trees
    // of unchanged nodes and edges across submissions, so only the nodes withValue replaced are encoded
    ObjectNode graph = batch.putObject("graph");
    graph.put("id", graph().id());
    ObjectNode nodes = graph.putObject("nodes");
    for (Map.Entry<String, JsonNode> node : graph().nodes().properties()) {
      nodes.set(node.getKey(), EmbeddedWorkflow.raw(node.getValue()));
    }
    graph.set("edges", EmbeddedWorkflow.raw(graph().edges()));
    workflow().ifPresent(w -> batch.set("workflow", EmbeddedWorkflow.wire(w)));
    batch.put("runs", runs());
    batch.put("origin", origin());
    batch.put("destination", destination());
    batch.set("data", data().toJson());
    body.put("prepend", prepend());
    return body;
  }

  @Value.Check
  void check() {
    if (runs() < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs());
    }
    data().checkAgainst(graph());
  }

  /** A builder of an already built graph and data. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnqueueRequest} from parts. */
  public static final class Builder extends ImmutableEnqueueRequest.Builder {}

  /** This request with {@code batchId} set (the graph and data are shared, not copied). */
  public EnqueueRequest withBatchId(BatchId batchId) {
    return ImmutableEnqueueRequest.copyOf(this).withBatchId(batchId);
  }

  /**
   * Starts a request that runs {@code workflow}, the GUI's workflow JSON with the user's values. The
   * JSON is read (and copied) into a {@link WorkflowDefinition} once, here.
   *
   * @throws io.invoke4j.domain.workflow.WorkflowFormatException if it is not a workflow the GUI would load
   */
  public static WorkflowRequest forWorkflow(JsonNode workflow) {
    requireNonNull(workflow, "workflow == null");
    return forWorkflow(WorkflowDefinition.fromJsonNode(workflow));
  }

  /**
   * Starts a request that runs {@code workflow} with the values set on it: the graph, batch data and
   * embedded workflow come from the nodes and edges the definition read on load, never from a second
   * reading of the JSON, so what the form shows and what is sent cannot disagree.
   */
  public static WorkflowRequest forWorkflow(WorkflowDefinition workflow) {
    return new WorkflowRequest(workflow);
  }

  /** Builds an {@link EnqueueRequest} from a workflow as the GUI would, plus settings and sweeps. */
  public static final class WorkflowRequest {
    private final WorkflowDefinition workflow;
    private final GraphOptions.Builder graphOptions = GraphOptions.builder();
    private final List<Sweep> sweeps = new ArrayList<>();
    private final Builder request = builder();
    private boolean embedWorkflow = true;
    private LongSupplier randomSeeds = Generators.randomSeeds();

    private WorkflowRequest(WorkflowDefinition workflow) {
      this.workflow = requireNonNull(workflow, "workflow == null");
    }

    /** How often the whole batch runs; at least 1 (checked in {@link #build()}). */
    public WorkflowRequest runs(int runs) {
      request.runs(runs);
      return this;
    }

    /** The board for board inputs left on "auto" (or empty); without one they are omitted. */
    public WorkflowRequest autoAddBoard(String boardId) {
      graphOptions.autoAddBoardId(requireNonNull(boardId, "boardId == null"));
      return this;
    }

    /** Adds a sweep: its groups multiply with the workflow's batch nodes and earlier sweeps. */
    public WorkflowRequest sweep(Sweep sweep) {
      sweeps.add(requireNonNull(sweep, "sweep == null"));
      return this;
    }

    /** The origin echoed in queue items; "workflows" by default. */
    public WorkflowRequest origin(String origin) {
      request.origin(origin);
      return this;
    }

    /** The destination echoed in queue items; "gallery" by default. */
    public WorkflowRequest destination(String destination) {
      request.destination(destination);
      return this;
    }

    /** Whether the items go to the front of the queue; false by default. */
    public WorkflowRequest prepend(boolean prepend) {
      request.prepend(prepend);
      return this;
    }

    /** Whether the workflow is embedded in the request (stored with items and images); yes by default. */
    public WorkflowRequest embedWorkflow(boolean embed) {
      this.embedWorkflow = embed;
      return this;
    }

    /** The graph id supplier; random UUIDs by default. */
    public WorkflowRequest graphIds(Supplier<String> ids) {
      graphOptions.idSupplier(requireNonNull(ids, "ids == null"));
      return this;
    }

    /** Seeds for random generators that have none; random by default, as the GUI. */
    public WorkflowRequest randomSeeds(LongSupplier seeds) {
      this.randomSeeds = requireNonNull(seeds, "seeds == null");
      return this;
    }

    /**
     * The request.
     *
     * @throws IllegalArgumentException if runs &lt; 1, batch data is inconsistent or targets a node
     *     that is not in the graph
     * @throws UnresolvableBatchException if a generator needs the server
     */
    public EnqueueRequest build() {
      WorkflowView view = new WorkflowView(workflow);
      Graph graph = GraphBuilder.build(view, graphOptions.build());
      BatchData data = BatchNodes.resolve(view, randomSeeds);
      for (Sweep sweep : sweeps) {
        data = data.plus(sweep);
      }
      request.graph(graph).data(data);
      if (embedWorkflow) {
        request.workflow(EmbeddedWorkflow.of(workflow.json()));
      }
      return request.build();
    }
  }
}
