package io.invoke4j.domain.queue;

import static io.invoke4j.domain.queue.WorkflowView.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.queue.WorkflowView.Handle;
import io.invoke4j.domain.workflow.WorkflowEdge;
import io.invoke4j.domain.workflow.WorkflowNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The batch {@code data} of a workflow's batch nodes, as the GUI's
 * {@code getBatchDataForWorkflowGeneration} ({@code features/queue/hooks/useEnqueueWorkflows.ts})
 * with {@code resolveBatchValue.ts} and the readiness checks of {@code getBatchSize}.
 *
 * <ul>
 *   <li>Batch nodes are grouped by {@code batch_group_id}, groups in order of first appearance.
 *       Group {@code "None"}: each node's datums form their own zip group. {@code "Group N"}: the
 *       datums of all its nodes form one zip group, so their lengths must agree.
 *   <li>A node's values are its own collection input, or the values of the generator node feeding
 *       that input (directly or through connectors).
 *   <li>One datum per outgoing edge of the batch node's output ({@code image} for image batches,
 *       {@code value} otherwise), targeting the edge's node and field.
 * </ul>
 *
 * <p>Deliberate differences from the GUI: edges into connectors are followed to the invocations
 * behind them (the GUI would target the connector, which is not in the graph, and the server rejects
 * the batch; the server's own {@code workflow_call_batch.py} follows them too); a batch node without
 * {@code batch_group_id} counts as {@code "None"} (the GUI would zip it in a group named
 * "undefined"); empty batch nodes and mismatched groups fail here, where the GUI disables its Invoke
 * button.
 */
final class BatchNodes {
  private static final String UNGROUPED = "None";

  private BatchNodes() {}

  static BatchData resolve(WorkflowView view, LongSupplier seeds) {
    Map<String, List<WorkflowNode>> byGroup = new LinkedHashMap<>();
    for (WorkflowNode node : view.nodes()) {
      if (WorkflowView.isBatch(node)) {
        byGroup.computeIfAbsent(groupId(node), g -> new ArrayList<>()).add(node);
      }
    }
    List<List<BatchDatum>> data = new ArrayList<>();
    for (Map.Entry<String, List<WorkflowNode>> group : byGroup.entrySet()) {
      Map<String, Integer> lengths = new LinkedHashMap<>();
      List<BatchDatum> zipped = new ArrayList<>();
      for (WorkflowNode node : group.getValue()) {
        String id = node.id();
        List<JsonNode> values = values(view, node, seeds);
        if (values.isEmpty()) {
          throw new IllegalArgumentException("batch node " + id + " has no items");
        }
        lengths.put(id, values.size());
        String output = node.type().equals("image_batch") ? "image" : "value";
        List<BatchDatum> datums = new ArrayList<>();
        for (Handle target : view.resolveDestinations(id, output)) {
          datums.add(BatchDatum.builder()
              .nodePath(target.nodeId()).fieldName(target.field()).items(values).build());
        }
        if (group.getKey().equals(UNGROUPED)) {
          if (!datums.isEmpty()) {
            data.add(datums);
          }
        } else {
          zipped.addAll(datums);
        }
      }
      if (!group.getKey().equals(UNGROUPED) && lengths.values().stream().distinct().count() > 1) {
        throw new IllegalArgumentException("batch nodes zipped in " + group.getKey()
            + " must have the same number of items, got " + lengths.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
      }
      if (!zipped.isEmpty()) {
        data.add(zipped);
      }
    }
    return BatchData.of(data);
  }

  private static String groupId(WorkflowNode node) {
    String group = text(node.json().at("/data/inputs/batch_group_id"), "value");
    return group == null ? UNGROUPED : group;
  }

  /** The node's own collection, or its generator's values ({@code resolveBatchValue}). */
  private static List<JsonNode> values(WorkflowView view, WorkflowNode node, LongSupplier seeds) {
    String id = node.id();
    String collection = WorkflowView.BATCH_COLLECTION_INPUTS.get(node.type());
    Optional<WorkflowEdge> incoming = view.edges().stream()
        .filter(e -> e.isConnection() && id.equals(e.target()) && e.targetHandle().orElseThrow().equals(collection))
        .findFirst();
    if (incoming.isEmpty()) {
      List<JsonNode> own = new ArrayList<>();
      node.json().path("data").path("inputs").path(collection).path("value")
          .forEach(item -> own.add(item(node, item)));
      return own;
    }
    WorkflowNode generator = generatorNode(view, incoming.get())
        .orElseThrow(() -> new IllegalArgumentException("batch node " + id + " input " + collection
            + " is connected, but not to a generator node"));
    return Generators.resolve(generator.id(), generator.type(),
        generator.json().at("/data/inputs/generator/value"), seeds);
  }

  private static Optional<WorkflowNode> generatorNode(WorkflowView view, WorkflowEdge edge) {
    Optional<WorkflowNode> source = view.node(edge.source());
    if (source.isPresent() && WorkflowView.isConnector(source.get())) {
      source = view.resolveConnectorSource(source.get().id())
          .flatMap(handle -> view.node(handle.nodeId()));
    }
    return source.filter(WorkflowView::isGenerator);
  }

  /** Image batch items are image fields; a bare name is accepted and wrapped. */
  private static JsonNode item(WorkflowNode node, JsonNode item) {
    if (node.type().equals("image_batch") && item.isTextual()) {
      return JsonNodeFactory.instance.objectNode().put("image_name", item.asText());
    }
    return item.deepCopy();
  }
}
