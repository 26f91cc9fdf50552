package io.invoke4j.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conformance against a queue item the real GUI enqueued: the graph we build from the item's embedded
 * workflow must be the graph the server stored, up to the defaults the server fills in.
 */
class GoldenQueueItemTest {
  private JsonNode item;
  private JsonNode workflow;
  private JsonNode stored;
  private Graph built;

  @BeforeEach
  void load() {
    item = TestJson.fixture("queue-items/completed-sdxl-text-to-image.json");
    workflow = item.get("workflow");
    stored = item.path("session").path("graph");
    built = GraphBuilder.build(workflow);
  }

  private static Set<List<String>> edgeSet(JsonNode edges) {
    Set<List<String>> set = new HashSet<>();
    for (JsonNode edge : edges) {
      set.add(List.of(edge.at("/source/node_id").asText(), edge.at("/source/field").asText(),
          edge.at("/destination/node_id").asText(), edge.at("/destination/field").asText()));
    }
    return set;
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new HashSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void buildsTheSameNodes() {
    assertThat(names(built.nodes())).isEqualTo(names(stored.get("nodes")));
  }

  @Test
  void buildsTheSameEdges() {
    assertThat(built.edges()).hasSameSizeAs(stored.get("edges"));
    assertThat(edgeSet(built.edges())).isEqualTo(edgeSet(stored.get("edges")));
  }

  @Test
  void sendsWhatTheServerStoredForEveryKey() {
    Iterator<Map.Entry<String, JsonNode>> nodes = built.nodes().fields();
    while (nodes.hasNext()) {
      Map.Entry<String, JsonNode> node = nodes.next();
      JsonNode server = stored.get("nodes").get(node.getKey());
      node.getValue().fields().forEachRemaining(field -> assertThat(server.get(field.getKey()))
          .as("%s.%s", node.getKey(), field.getKey())
          .isEqualTo(field.getValue()));
    }
  }

  @Test
  void omitsOnlyKeysFedByAnEdgeOrWithoutAValue() {
    Set<List<String>> fed = new HashSet<>();
    for (JsonNode edge : stored.get("edges")) {
      fed.add(List.of(edge.at("/destination/node_id").asText(), edge.at("/destination/field").asText()));
    }
    for (JsonNode workflowNode : workflow.get("nodes")) {
      String id = workflowNode.get("id").asText();
      JsonNode sent = built.nodes().get(id);
      stored.get("nodes").get(id).fieldNames().forEachRemaining(key -> {
        if (sent.has(key)) {
          return;
        }
        boolean hasValue = workflowNode.at("/data/inputs/" + key).has("value");
        assertThat(fed.contains(List.of(id, key)) || !hasValue)
            .as("%s.%s omitted although it has a value and no edge", id, key)
            .isTrue();
      });
    }
  }
}
