package io.invoke4j.domain.queue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The {@code data} of an enqueue request: a list of <em>zip groups</em>. The datums inside a group
 * advance together (so they must have equal lengths); the groups combine as a cartesian product.
 * The server runs {@code runs × }{@link #sessionCount()} sessions.
 *
 * <p>Built from a workflow's batch nodes ({@link #fromWorkflow(JsonNode)}), from code
 * ({@link Sweep}), or both ({@link #plus(Sweep)}).
 */
@Value.Immutable(builder = false)
@InvokeStyle
public abstract class BatchData {
  /** The zip groups in request order; each inner list is unmodifiable and not empty. */
  @Value.Parameter
  public abstract List<List<BatchDatum>> groups();

  /** No batch data: one session per run. */
  public static BatchData empty() {
    return of(List.of());
  }

  /**
   * Batch data of these zip groups.
   *
   * @throws IllegalArgumentException if a group is empty, the datums of a group differ in length, or
   *     a (node, field) pair appears twice
   */
  public static BatchData of(List<List<BatchDatum>> groups) {
    List<List<BatchDatum>> copy = new ArrayList<>();
    for (List<BatchDatum> group : requireNonNull(groups, "groups == null")) {
      copy.add(List.copyOf(group));
    }
    return ImmutableBatchData.of(copy);
  }

  /**
   * The batch data of a workflow's batch nodes, as the GUI builds it when it enqueues; generators are
   * resolved offline where they can be.
   *
   * @throws UnresolvableBatchException if a generator needs the server (images from a board, dynamic
   *     prompts)
   * @throws IllegalArgumentException if a batch node is empty or a zipped group mixes lengths
   */
  public static BatchData fromWorkflow(JsonNode workflow) {
    return fromWorkflow(WorkflowDefinition.fromJsonNode(workflow));
  }

  /**
   * The batch data of an already read workflow's batch nodes, as {@link #fromWorkflow(JsonNode)}.
   *
   * @throws UnresolvableBatchException if a generator needs the server
   * @throws IllegalArgumentException if a batch node is empty or a zipped group mixes lengths
   */
  public static BatchData fromWorkflow(WorkflowDefinition workflow) {
    return BatchNodes.resolve(new WorkflowView(workflow), Generators.randomSeeds());
  }

  /** These groups followed by the sweep's groups. */
  public BatchData plus(Sweep sweep) {
    List<List<BatchDatum>> all = new ArrayList<>(groups());
    all.addAll(sweep.groups());
    return of(all);
  }

  /** The product of the group lengths: sessions per run (1 without data, 0 if a datum is empty). */
  public int sessionCount() {
    int count = 1;
    for (List<BatchDatum> group : groups()) {
      count = Math.multiplyExact(count, group.get(0).size());
    }
    return count;
  }

  /** Whether there are no groups at all. */
  public boolean isEmpty() {
    return groups().isEmpty();
  }

  /**
   * Checks every datum against the graph it will run with, as the server does at enqueue.
   *
   * @throws IllegalArgumentException naming the node and field when a datum's node is not in the
   *     graph
   */
  public void checkAgainst(Graph graph) {
    for (List<BatchDatum> group : groups()) {
      for (BatchDatum datum : group) {
        JsonNode node = graph.nodes().get(datum.nodePath());
        if (node == null) {
          throw new IllegalArgumentException("batch datum for " + datum.nodePath() + "."
              + datum.fieldName() + ": node " + datum.nodePath() + " is not in the graph");
        }
        checkShapes(datum, node.get(datum.fieldName()));
      }
    }
  }

  /**
   * Items must have the shape of the value the node already holds (number, text, image, ...).
   * InvokeAI 6.14 accepts wrongly typed batch items at enqueue and then cannot even load the item:
   * it never runs, every later item stays pending and only clearing the queue recovers. So a
   * mismatch we can see is refused here, before anything is sent.
   */
  private static void checkShapes(BatchDatum datum, JsonNode current) {
    if (current == null || current.isNull()) {
      return; // no value to compare with (connected, or left to the node's default)
    }
    String expected = shape(current);
    for (int i = 0; i < datum.items().size(); i++) {
      String actual = shape(datum.items().get(i));
      if (!actual.equals(expected)) {
        throw new IllegalArgumentException("batch datum for " + datum.nodePath() + "." + datum.fieldName()
            + ": item " + i + " is " + actual + " (" + datum.items().get(i) + ") but the field holds "
            + expected + " (" + current + ")");
      }
    }
  }

  private static String shape(JsonNode value) {
    if (value.isNumber()) {
      return "a number";
    } else if (value.isTextual()) {
      return "text";
    } else if (value.isBoolean()) {
      return "a boolean";
    } else if (value.isArray()) {
      return "a list";
    } else if (value.isObject() && value.has("image_name")) {
      return "an image";
    } else if (value.isObject()) {
      return "an object";
    }
    return "null";
  }

  /** The {@code data} array as sent. */
  public ArrayNode toJson() {
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    for (List<BatchDatum> group : groups()) {
      ArrayNode inner = json.addArray();
      group.forEach(datum -> inner.add(datum.toJson()));
    }
    return json;
  }

  @Value.Check
  void check() {
    Map<String, String> seen = new HashMap<>();
    for (List<BatchDatum> group : groups()) {
      if (group.isEmpty()) {
        throw new IllegalArgumentException("batch data has an empty zip group");
      }
      int length = group.get(0).size();
      if (group.stream().anyMatch(d -> d.size() != length)) {
        throw new IllegalArgumentException("zipped batch data must have equal lengths, got "
            + group.stream().map(d -> d.nodePath() + "." + d.fieldName() + "=" + d.size())
                .collect(Collectors.joining(", ")));
      }
      for (BatchDatum datum : group) {
        String key = datum.nodePath() + "\u0000" + datum.fieldName();
        if (seen.put(key, key) != null) {
          throw new IllegalArgumentException("batch data sets " + datum.nodePath() + "."
              + datum.fieldName() + " twice; each (node, field) may appear once");
        }
      }
    }
  }
}
