package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever we are given, loading fails only with WorkflowFormatException. */
class MalformedInputPropertyTest {
  private static final JsonNode SMALL = WorkflowDefinition.fromJson(TestWorkflows.small()).json();

  @Property(tries = 500)
  void arbitraryTextFailsOnlyAsAFormatProblem(@ForAll("jsonishText") String text) {
    assertOnlyFormatErrors(() -> WorkflowDefinition.fromJson(text));
  }

  @Provide
  Arbitrary<String> jsonishText() {
    Arbitrary<String> noise = Arbitraries.strings().withChars("{}[]\":,0123456789.-eE truefalsn\\ab").ofMaxLength(80);
    Arbitrary<String> cut = Arbitraries.integers().between(0, TestWorkflows.small().length())
        .map(n -> TestWorkflows.small().substring(0, n));
    Arbitrary<String> deep = Arbitraries.integers().between(1, 5000).map(n -> "[".repeat(n) + "]".repeat(n));
    Arbitrary<String> deepObject = Arbitraries.integers().between(1, 3000)
        .map(n -> "{\"meta\":{\"version\":\"3.0.0\"},\"nodes\":" + "[".repeat(n) + "]".repeat(n) + ",\"edges\":[]}");
    return Arbitraries.oneOf(Arbitraries.strings(), noise, cut, deep, deepObject);
  }

  @Property(tries = 1000)
  void mutatedWorkflowsFailOnlyAsAFormatProblem(@ForAll long seed) {
    Random random = new Random(seed);
    JsonNode tree = SMALL.deepCopy();
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      mutate(tree, random);
    }
    assertOnlyFormatErrors(() -> {
      WorkflowDefinition wf = WorkflowDefinition.fromJsonNode(tree);
      // a loaded definition must also describe and set its inputs without surprises
      for (WorkflowInput input : wf.inputs()) {
        try {
          wf.withValueText(input.index(), random.nextBoolean() ? "1" : "{\"x\":1}");
        } catch (InvalidInputException expected) {
          // a value the type does not take
        }
      }
    });
  }

  private static void assertOnlyFormatErrors(Runnable load) {
    try {
      load.run();
    } catch (WorkflowFormatException expected) {
      assertThat(expected.jsonPath()).startsWith("$");
      assertThat(expected.getMessage()).startsWith(expected.jsonPath() + ": ");
    }
  }

  private static void mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target.isObject()) {
      ObjectNode object = (ObjectNode) target;
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      if (keys.isEmpty()) {
        object.set("k", replacement(random));
        return;
      }
      String key = keys.get(random.nextInt(keys.size()));
      if (random.nextBoolean()) {
        object.remove(key);
      } else {
        object.set(key, replacement(random));
      }
    } else {
      ArrayNode array = (ArrayNode) target;
      if (array.size() == 0) {
        array.add(replacement(random));
      } else if (random.nextBoolean()) {
        array.remove(random.nextInt(array.size()));
      } else {
        array.set(random.nextInt(array.size()), replacement(random));
      }
    }
  }

  private static JsonNode replacement(Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (random.nextInt(8)) {
      case 0:
        return f.nullNode();
      case 1:
        return f.numberNode(random.nextInt(3) - 1);
      case 2:
        return f.textNode("x");
      case 3:
        return f.textNode("");
      case 4:
        return f.arrayNode().add(1);
      case 5:
        return f.objectNode();
      case 6:
        return f.booleanNode(true);
      default:
        return f.numberNode(1.5);
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }
}
