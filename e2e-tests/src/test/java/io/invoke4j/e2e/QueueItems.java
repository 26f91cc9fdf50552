package io.invoke4j.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.QueueItem;
import java.util.ArrayList;
import java.util.List;

/** Reads what a finished queue item produced. */
final class QueueItems {

  private QueueItems() {}

  /**
   * The output of the node the caller sent as {@code sourceNodeId}. Results are keyed by prepared
   * (execution-graph) ids, so this goes through {@link QueueItem#sourcePreparedMapping()}; a node
   * with several prepared copies (under an iterate) is a test error here.
   */
  static JsonNode output(QueueItem item, String sourceNodeId) {
    List<String> prepared = item.sourcePreparedMapping().getOrDefault(sourceNodeId, List.of());
    if (prepared.size() != 1) {
      throw new AssertionError("node " + sourceNodeId + " has " + prepared.size()
          + " prepared copies in item " + item.itemId().value() + ": " + prepared);
    }
    JsonNode output = item.results().get(prepared.get(0));
    if (output == null) {
      throw new AssertionError("no result for node " + sourceNodeId + " in item "
          + item.itemId().value() + "; errors: " + item.sessionErrors());
    }
    return output;
  }

  /** Every image any node of the item saved (intermediate or not), for cleanup. */
  static List<ImageName> imageNames(QueueItem item) {
    List<ImageName> names = new ArrayList<>();
    item.results().values().forEach(output -> {
      JsonNode name = output.path("image").path("image_name");
      if (name.isTextual()) {
        names.add(ImageName.of(name.asText()));
      }
    });
    return names;
  }
}
