package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.image.VideoName;
import io.invoke4j.domain.queue.QueueItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of a finished item that produced videos (a {@code video_output} result, as the Wan 2.2
 * default workflows' last nodes give), with the names to download through {@code client.videos()}.
 *
 * @param nodeId the node's id in the workflow (source id)
 * @param nodeType the node's type
 * @param videoNames the videos, in execution order
 */
public record VideoOutput(String nodeId, String nodeType, List<VideoName> videoNames) {
  /** Checks the parts and copies the list. */
  public VideoOutput {
    requireNonNull(nodeId, "nodeId == null");
    requireNonNull(nodeType, "nodeType == null");
    videoNames = List.copyOf(videoNames);
  }

  /**
   * The nodes of {@code item} whose results hold a {@code video.video_name}, in the order the
   * server lists results, each node once (prepared copies of a node under an iterate merged).
   */
  public static List<VideoOutput> of(QueueItem item) {
    requireNonNull(item, "item == null");
    Map<String, Set<String>> names = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    item.results().forEach((prepared, result) -> {
      JsonNode name = result.path("video").path("video_name");
      if (name.isTextual() && !name.asText().isBlank()) {
        String source = item.sourceOf(prepared);
        names.computeIfAbsent(source, k -> new LinkedHashSet<>()).add(name.asText());
        types.putIfAbsent(source, item.graph().path("nodes").path(source).path("type").asText(""));
      }
    });
    List<VideoOutput> outputs = new ArrayList<>();
    names.forEach((node, videos) -> outputs.add(new VideoOutput(node, types.get(node),
        videos.stream().map(VideoName::of).toList())));
    return outputs;
  }
}
