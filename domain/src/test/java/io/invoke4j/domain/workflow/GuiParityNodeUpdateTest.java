package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import org.junit.jupiter.api.Test;

/**
 * The cases of the GUI's {@code util/node/nodeUpdate.test.ts}, on nodes of our own updated by a load
 * with the 6.14.2 templates (image_collection 1.0.2, add 1.0.1).
 */
class GuiParityNodeUpdateTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static ArrayNode images(String... names) {
    ArrayNode list = F.arrayNode();
    for (String name : names) {
      list.addObject().put("image_name", name);
    }
    return list;
  }

  private static GuiWorkflow oldImageCollection(String version, ArrayNode images) {
    GuiWorkflow wf = new GuiWorkflow().node("ic", "image_collection", version);
    ObjectNode inputs = (ObjectNode) wf.data("ic").get("inputs");
    inputs.removeAll();
    inputs.putObject("collection").put("name", "collection").put("label", "").put("description", "")
        .set("value", images);
    return wf;
  }

  private static JsonNode data(WorkflowDefinition wf, String node) {
    return wf.node(node).orElseThrow().json().path("data");
  }

  @Test
  void addsTheTemplateDefaultOfANewFieldAndKeepsTheStoredValues() {
    // upstream: text_llm 1.0.0 -> 1.1.0 gains seed = 0; 6.14.2 has no text_llm node, add 1.0.0 -> 1.0.1 gains b
    GuiWorkflow file = new GuiWorkflow().node("n", "add", "1.0.0");
    ((ObjectNode) file.data("n").get("inputs")).remove("b");
    file.value("n", "a", F.numberNode(7));

    WorkflowDefinition wf = file.load();

    assertThat(data(wf, "n").path("version").asText()).isEqualTo("1.0.1");
    assertThat(data(wf, "n").at("/inputs/a/value").asInt()).isEqualTo(7);
    assertThat(data(wf, "n").at("/inputs/b/value").isInt()).isTrue();
    assertThat(data(wf, "n").at("/inputs/b/value").asInt()).isZero();
    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).containsExactly(Kind.NODE_UPDATED);
  }

  @Test
  void movesOldImageCollectionDirectCollectionValuesToTheNewImagesField() {
    WorkflowDefinition wf = oldImageCollection("1.0.1", images("first", "second")).load();

    assertThat(data(wf, "ic").path("version").asText()).isEqualTo("1.0.2");
    assertThat(data(wf, "ic").at("/inputs/images/value")).isEqualTo(images("first", "second"));
    assertThat(data(wf, "ic").at("/inputs/collection/value")).isEqualTo(F.arrayNode());
  }

  @Test
  void moves100ImageCollectionDirectCollectionValuesToTheNewImagesField() {
    WorkflowDefinition wf = oldImageCollection("1.0.0", images("first")).load();

    assertThat(data(wf, "ic").path("version").asText()).isEqualTo("1.0.2");
    assertThat(data(wf, "ic").at("/inputs/images/value")).isEqualTo(images("first"));
    assertThat(data(wf, "ic").at("/inputs/collection/value")).isEqualTo(F.arrayNode());
  }

  @Test
  void preservesOldImageCollectionDirectCollectionValuesWhenCollectionIsConnected() {
    GuiWorkflow file = oldImageCollection("1.0.1", images("stale")).node("src", "image_collection")
        .edge("src", "collection", "ic", "collection");

    WorkflowDefinition wf = file.load();

    assertThat(data(wf, "ic").at("/inputs/images").has("value")).isFalse();
    assertThat(data(wf, "ic").at("/inputs/collection/value")).isEqualTo(images("stale"));
  }
}
