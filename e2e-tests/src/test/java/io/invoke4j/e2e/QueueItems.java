package io.invoke4j.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads what a finished queue item produced. */
final class QueueItems {

  private QueueItems() {}

  /**
   * The output of the node the caller sent as {@code sourceNodeId}. Results are keyed by prepared
   * (execution-graph) ids, so this goes through {@code source_prepared_mapping}; a node with several
   * prepared copies (under an iterate) is a test error here.
   */
  static JsonNode output(JsonNode item, String sourceNodeId) {
    JsonNode session = item.path("session");
    JsonNode prepared = session.path("source_prepared_mapping").path(sourceNodeId);
    if (prepared.size() != 1) {
      throw new AssertionError("node " + sourceNodeId + " has " + prepared.size()
          + " prepared copies in item " + item.path("item_id") + ": " + prepared);
    }
    JsonNode output = session.path("results").path(prepared.get(0).asText());
    if (output.isMissingNode()) {
      throw new AssertionError("no result for node " + sourceNodeId + " in item "
          + item.path("item_id") + "; errors: " + session.path("errors"));
    }
    return output;
  }

  /** Every image any node of the item saved (intermediate or not), for cleanup. */
  static List<String> imageNames(JsonNode item) {
    List<String> names = new ArrayList<>();
    item.path("session").path("results").forEach(output -> {
      JsonNode name = output.path("image").path("image_name");
      if (name.isTextual()) {
        names.add(name.asText());
      }
    });
    return names;
  }
}
