package io.invoke4j.domain.queue;

import static io.invoke4j.domain.queue.WorkflowView.text;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a finished {@link QueueItem} to the images of its output nodes.
 *
 * <p><b>Output nodes.</b> A node of {@code session.graph} is an output node when it is not
 * intermediate ({@code is_intermediate} false or absent, the server's default: its images are the
 * ones that reach the gallery) and either its results hold an image or are typed
 * {@code image*_output}, or it has no results at all (it
 * failed or never ran) while it is a sink of the graph or has a {@code board} input - so a failed
 * {@code save_image} is still listed, with tier {@link Tier#NONE}. Non-intermediate nodes that ran
 * and returned no image (a non-intermediate {@code integer}, say) are not outputs.
 * {@link Selection#ALL_IMAGE_NODES} adds every node whose results hold an image, intermediate or not.
 *
 * <p><b>Image names</b>, per node, from the first tier that has any: {@link Tier#RESULTS},
 * {@link Tier#LEGACY_OUTPUTS}, {@link Tier#GRAPH_TRAVERSAL}. A result's images are its
 * {@code image.image_name} plus {@code image_name}s inside its list fields (image collections).
 * Prepared copies are read in {@code source_prepared_mapping} order, so a node under an
 * {@code iterate} gives one image per iteration, in order.
 */
public final class OutputMapper {
  /** Which nodes {@link #map(QueueItem, Selection)} reports. */
  public enum Selection {
    /** Non-intermediate image nodes (see the class comment). */
    OUTPUT_NODES,
    /** Output nodes plus every node whose results hold an image. */
    ALL_IMAGE_NODES
  }

  private OutputMapper() {}

  /** The output nodes of {@code queueItem}, in graph order. */
  public static List<NodeOutput> map(QueueItem queueItem) {
    return map(queueItem, Selection.OUTPUT_NODES);
  }

  /** The nodes {@code selection} asks for, in graph order. */
  public static List<NodeOutput> map(QueueItem queueItem, Selection selection) {
    requireNonNull(selection, "selection == null");
    Session session = new Session(requireNonNull(queueItem, "queueItem == null"));
    List<NodeOutput> outputs = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> nodes = session.graph.path("nodes").fields();
    while (nodes.hasNext()) {
      Map.Entry<String, JsonNode> entry = nodes.next();
      String id = entry.getKey();
      JsonNode node = entry.getValue();
      List<String> fromResults = session.resultImages(id);
      boolean intermediate = node.path("is_intermediate").asBoolean(false);
      boolean output = !intermediate && (!fromResults.isEmpty() || session.hasImageTypedResult(id)
          || (!session.hasResults(id) && (session.isSink(id) || node.has("board"))));
      boolean wanted = output || (selection == Selection.ALL_IMAGE_NODES && !fromResults.isEmpty());
      if (!wanted) {
        continue;
      }
      Tier tier = Tier.RESULTS;
      List<String> images = fromResults;
      if (images.isEmpty()) {
        tier = Tier.LEGACY_OUTPUTS;
        images = session.legacyImages(id);
      }
      if (images.isEmpty()) {
        tier = Tier.GRAPH_TRAVERSAL;
        images = session.imagesReceivedDownstream(id);
      }
      if (images.isEmpty()) {
        tier = Tier.NONE;
      }
      List<ImageName> names = new ArrayList<>(images.size());
      images.forEach(name -> names.add(ImageName.of(name)));
      outputs.add(NodeOutput.builder()
          .nodeId(id)
          .nodeType(Optional.ofNullable(text(node, "type")).orElse(""))
          .imageNames(names)
          .boardId(Optional.ofNullable(text(node.path("board"), "board_id")).map(BoardId::of))
          .tier(tier)
          .build());
    }
    return outputs;
  }

  /** The node failures of {@code queueItem} ({@code session.errors}), mapped to source node ids. */
  public static List<NodeError> errors(QueueItem queueItem) {
    requireNonNull(queueItem, "queueItem == null");
    List<NodeError> errors = new ArrayList<>();
    queueItem.sessionErrors().forEach((prepared, message) -> errors.add(NodeError.builder()
        .nodeId(queueItem.sourceOf(prepared))
        .preparedId(prepared)
        .message(message)
        .build()));
    return errors;
  }

  /** The parts of a queue item the mapping reads. */
  private static final class Session {
    final QueueItem item;
    final JsonNode graph;

    Session(QueueItem item) {
      this.item = item;
      this.graph = item.graph();
    }

    String sourceOf(String preparedId) {
      return item.sourceOf(preparedId);
    }

    /** Prepared ids of a source node in preparation order; the id itself when no mapping exists. */
    List<String> preparedIds(String sourceId) {
      List<String> listed = item.sourcePreparedMapping().get(sourceId);
      if (listed != null) {
        return listed;
      }
      List<String> ids = new ArrayList<>();
      item.preparedSourceMapping().forEach((prepared, source) -> {
        if (sourceId.equals(source)) {
          ids.add(prepared);
        }
      });
      if (ids.isEmpty()) {
        ids.add(sourceId);
      }
      return ids;
    }

    boolean hasResults(String sourceId) {
      return preparedIds(sourceId).stream().anyMatch(id -> item.results().containsKey(id));
    }

    /** A result typed as image output whose image names are missing (e.g. trimmed results). */
    boolean hasImageTypedResult(String sourceId) {
      return preparedIds(sourceId).stream()
          .map(id -> item.results().get(id))
          .map(result -> result == null ? null : text(result, "type"))
          .anyMatch(type -> type != null && type.startsWith("image") && type.endsWith("_output"));
    }

    List<String> resultImages(String sourceId) {
      Set<String> names = new LinkedHashSet<>();
      for (String prepared : preparedIds(sourceId)) {
        JsonNode result = item.results().get(prepared);
        if (result != null) {
          imagesIn(result, names);
        }
      }
      return new ArrayList<>(names);
    }

    /** Very old servers listed outputs on the item itself; not modelled, so read from the raw JSON. */
    List<String> legacyImages(String sourceId) {
      Set<String> names = new LinkedHashSet<>();
      for (JsonNode output : item.raw().path("outputs")) {
        String nodeId = text(output, "node_id");
        if (nodeId != null && sourceId.equals(sourceOf(nodeId))) {
          imagesIn(output, names);
        }
      }
      return new ArrayList<>(names);
    }

    /** What the node's consumers received on their inputs in the execution graph. */
    List<String> imagesReceivedDownstream(String sourceId) {
      Set<String> names = new LinkedHashSet<>();
      JsonNode execution = item.executionGraph();
      for (String prepared : preparedIds(sourceId)) {
        for (JsonNode edge : execution.path("edges")) {
          if (!prepared.equals(edge.at("/source/node_id").asText())) {
            continue;
          }
          JsonNode received = execution.path("nodes")
              .path(edge.at("/destination/node_id").asText())
              .get(edge.at("/destination/field").asText());
          if (received != null) {
            imageNamesOf(received, names);
          }
        }
      }
      return new ArrayList<>(names);
    }

    boolean isSink(String sourceId) {
      for (JsonNode edge : graph.path("edges")) {
        if (sourceId.equals(edge.at("/source/node_id").asText())) {
          return false;
        }
      }
      return true;
    }

    /** {@code image.image_name} plus image names inside list fields of a result. */
    private static void imagesIn(JsonNode result, Set<String> names) {
      String single = text(result.path("image"), "image_name");
      if (single != null) {
        names.add(single);
      }
      result.fields().forEachRemaining(field -> {
        if (field.getValue().isArray()) {
          field.getValue().forEach(element -> imageNamesOf(element, names));
        }
      });
    }

    private static void imageNamesOf(JsonNode value, Set<String> names) {
      if (value.isArray()) {
        value.forEach(element -> imageNamesOf(element, names));
      } else if (text(value, "image_name") != null) {
        names.add(text(value, "image_name"));
      }
    }
  }
}
