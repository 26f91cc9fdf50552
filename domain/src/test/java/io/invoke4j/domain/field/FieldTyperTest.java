package io.invoke4j.domain.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldTyperTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final FieldTyper OFFLINE = FieldTyper.offline();

  private static FieldContext ctx(String nodeType, String fieldName, JsonNode value, JsonNode settings) {
    ObjectNode field = F.objectNode().put("name", fieldName).put("label", "");
    if (value != null) {
      field.set("value", value);
    }
    FieldContext.Builder b = FieldContext.builder().nodeType(nodeType).fieldName(fieldName).field(field)
        .node(F.objectNode());
    if (settings != null) {
      b.settings(settings);
    }
    return b.build();
  }

  private static FieldType type(String nodeType, String fieldName, JsonNode value) {
    return OFFLINE.type(ctx(nodeType, fieldName, value, null));
  }

  @Test
  void namesTypesShortly() {
    assertThat(FieldType.collectionOf(FieldType.INTEGER).name()).isEqualTo("collection<integer>");
    assertThat(FieldType.SCHEDULER.name()).isEqualTo("scheduler");
    assertThat(FieldType.RAW).hasToString("raw");
    assertThat(FieldType.SCHEDULER.options()).contains("euler", "dpmpp_3m_k", "lcm");
  }

  @Test
  void formSettingsComeFirst() {
    ObjectNode floatConfig = F.objectNode().put("type", "float-field-config");
    assertThat(OFFLINE.type(ctx("integer", "value", F.numberNode(1), floatConfig))).isEqualTo(FieldType.FLOAT);
    ObjectNode dropdown = F.objectNode().put("type", "string-field-config").put("component", "dropdown");
    dropdown.putArray("options").addObject().put("label", "A").put("value", "a");
    assertThat(OFFLINE.type(ctx("string", "value", F.textNode("a"), dropdown))).isEqualTo(FieldType.enumOf(List.of("a")));
    ObjectNode textarea = F.objectNode().put("type", "string-field-config").put("component", "textarea");
    assertThat(OFFLINE.type(ctx("x", "y", null, textarea))).isEqualTo(FieldType.STRING);
  }

  @Test
  void valueShapesBeatNames() {
    ObjectNode model = F.objectNode().put("key", "k").put("base", "flux").put("type", "main");
    assertThat(type("whatever", "transformer", model)).isEqualTo(FieldType.MODEL);
    assertThat(type("save_image", "board", F.textNode("auto"))).isEqualTo(FieldType.BOARD);
    assertThat(type("x", "picture", F.objectNode().put("image_name", "a.png"))).isEqualTo(FieldType.IMAGE);
    assertThat(type("x", "tint", F.objectNode().put("r", 1).put("g", 1).put("b", 1).put("a", 1)))
        .isEqualTo(FieldType.COLOR);
    assertThat(type("x", "pics", F.arrayNode().add(F.objectNode().put("image_name", "a.png"))))
        .isEqualTo(FieldType.collectionOf(FieldType.IMAGE));
  }

  @Test
  void primitiveNodesAndWellKnownNames() {
    assertThat(type("float", "value", F.numberNode(1))).isEqualTo(FieldType.FLOAT);
    assertThat(type("integer_collection", "collection", null)).isEqualTo(FieldType.collectionOf(FieldType.INTEGER));
    assertThat(type("float_math", "a", F.numberNode(0))).isEqualTo(FieldType.FLOAT);
    assertThat(type("integer_batch", "batch_group_id", F.textNode("None")).options()).contains("Group 1");
    assertThat(type("denoise_latents", "scheduler", null)).isEqualTo(FieldType.SCHEDULER);
    assertThat(type("flux_model_loader", "t5_encoder_model", null)).isEqualTo(FieldType.MODEL);
    assertThat(type("l2i", "board", null)).isEqualTo(FieldType.BOARD);
    assertThat(type("noise", "seed", null)).isEqualTo(FieldType.INTEGER);
    assertThat(type("unsharp_mask", "strength", F.numberNode(50))).isEqualTo(FieldType.FLOAT);
    assertThat(type("flux_denoise", "denoising_start", F.numberNode(0))).isEqualTo(FieldType.FLOAT);
  }

  @Test
  void fallsBackToTheJsonTypeThenRaw() {
    assertThat(type("x", "count", F.numberNode(3))).isEqualTo(FieldType.INTEGER);
    assertThat(type("x", "amount", F.numberNode(0.5))).isEqualTo(FieldType.FLOAT);
    assertThat(type("x", "flag", F.booleanNode(true))).isEqualTo(FieldType.BOOLEAN);
    assertThat(type("x", "words", F.arrayNode().add("a"))).isEqualTo(FieldType.collectionOf(FieldType.STRING));
    assertThat(type("x", "thing", F.objectNode())).isEqualTo(FieldType.RAW);
    assertThat(type("x", "thing", null)).isEqualTo(FieldType.RAW);
  }

  @Test
  void ownRulesGoFirst() {
    FieldTyper typer = FieldTyper.builder()
        .rule(c -> c.fieldName().equals("seed") ? Optional.of(FieldType.STRING) : Optional.empty())
        .rules(FieldTyper.offlineRules())
        .build();
    assertThat(typer.type(ctx("noise", "seed", null, null))).isEqualTo(FieldType.STRING);
    assertThat(typer.type(ctx("noise", "width", null, null))).isEqualTo(FieldType.INTEGER);
    assertThat(FieldTyper.builder().build().type(ctx("noise", "width", null, null))).isEqualTo(FieldType.RAW);
  }

  @Test
  void collectionsNeedAnElementTypeAndOnlyEnumsHaveOptions() {
    assertThatThrownBy(() -> ImmutableFieldType.builder().kind(FieldType.Kind.COLLECTION).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImmutableFieldType.builder().kind(FieldType.Kind.STRING).addOptions("a").build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
