package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Random form trees: inputs come out in depth-first pre-order, whatever the order of the elements map. */
class FormOrderPropertyTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** A form element of the generated tree. */
  private static final class Element {
    final String id;
    final String type;
    final List<Element> children = new ArrayList<>();

    Element(String id, String type) {
      this.id = id;
      this.type = type;
    }
  }

  @Property(tries = 300)
  void inputsFollowPreOrderOfTheForm(@ForAll long seed) {
    Random random = new Random(seed);
    int[] counter = {0};
    Element root = new Element("root", "container");
    grow(root, random, 0, counter);

    List<String> expected = new ArrayList<>();
    oracle(root, expected);

    Map<String, ObjectNode> elements = new LinkedHashMap<>();
    List<String> fieldIds = new ArrayList<>();
    toJson(root, null, elements, fieldIds);
    List<String> keys = new ArrayList<>(elements.keySet());
    Collections.shuffle(keys, random); // the elements map order must not matter
    ObjectNode elementsNode = JSON.objectNode();
    keys.forEach(k -> elementsNode.set(k, elements.get(k)));

    ObjectNode workflow = JSON.objectNode();
    workflow.putObject("meta").put("version", "3.0.0");
    ArrayNode nodes = workflow.putArray("nodes");
    List<String> nodeIds = new ArrayList<>(fieldIds);
    Collections.shuffle(nodeIds, random);
    for (String nodeId : nodeIds) {
      ObjectNode node = nodes.addObject().put("id", nodeId).put("type", "invocation");
      ObjectNode data = node.putObject("data").put("id", nodeId).put("type", "integer").put("label", "");
      data.putObject("inputs").putObject("value").put("name", "value").put("label", "").put("value", 1);
    }
    workflow.putArray("edges");
    workflow.putArray("exposedFields");
    ObjectNode form = workflow.putObject("form");
    form.put("rootElementId", "root");
    form.set("elements", elementsNode);

    WorkflowDefinition wf = WorkflowDefinition.fromJsonNode(workflow);
    List<String> actual = new ArrayList<>();
    wf.inputs().forEach(i -> actual.add(i.nodeId()));
    assertThat(actual).isEqualTo(expected);
    assertThat(wf.inputs()).extracting(WorkflowInput::index).isSorted();
  }

  private static void grow(Element container, Random random, int depth, int[] counter) {
    int children = random.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < children; i++) {
      int pick = random.nextInt(depth < 4 ? 6 : 5);
      String id = "el-" + counter[0]++;
      Element child;
      switch (pick) {
        case 0:
          child = new Element(id, "heading");
          break;
        case 1:
          child = new Element(id, "text");
          break;
        case 2:
          child = new Element(id, "divider");
          break;
        case 5:
          child = new Element(id, "container");
          grow(child, random, depth + 1, counter);
          break;
        default:
          child = new Element(id, "node-field");
          break;
      }
      container.children.add(child);
    }
  }

  /** The independent answer: a plain recursive pre-order walk. */
  private static void oracle(Element element, List<String> out) {
    if (element.type.equals("node-field")) {
      out.add("node-of-" + element.id);
    }
    element.children.forEach(child -> oracle(child, out));
  }

  private static void toJson(Element element, String parentId, Map<String, ObjectNode> out, List<String> fieldIds) {
    ObjectNode node = JSON.objectNode().put("id", element.id).put("type", element.type);
    if (parentId != null) {
      node.put("parentId", parentId);
    }
    switch (element.type) {
      case "container":
        ObjectNode data = node.putObject("data").put("layout", "column");
        ArrayNode children = data.putArray("children");
        element.children.forEach(c -> children.add(c.id));
        break;
      case "node-field":
        fieldIds.add("node-of-" + element.id);
        node.putObject("data").putObject("fieldIdentifier").put("nodeId", "node-of-" + element.id)
            .put("fieldName", "value");
        break;
      case "divider":
        break;
      default:
        node.putObject("data").put("content", "some text");
        break;
    }
    out.put(element.id, node);
    element.children.forEach(c -> toJson(c, element.id, out, fieldIds));
  }
}
