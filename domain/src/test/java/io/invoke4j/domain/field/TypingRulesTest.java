package io.invoke4j.domain.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each offline rule on its own: what it types, and what it leaves (empty) to the rules after it. A
 * rule must answer only when it is sure, so the "leaves" cases matter as much as the answers.
 */
class TypingRulesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final FieldType SWEEP_GROUPS =
      FieldType.enumOf(List.of("None", "Group 1", "Group 2", "Group 3", "Group 4", "Group 5"));

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** A field instance {@code {name, label, value?}} plus whatever else {@code extra} holds. */
  private static FieldContext ctx(String nodeType, String fieldName, String valueJson, String extraJson,
      String settingsJson) {
    ObjectNode field = MAPPER.createObjectNode().put("name", fieldName).put("label", "");
    if (valueJson != null) {
      field.set("value", json(valueJson));
    }
    if (extraJson != null) {
      field.setAll((ObjectNode) json(extraJson));
    }
    FieldContext.Builder b = FieldContext.builder().nodeType(nodeType).fieldName(fieldName).field(field)
        .node(MAPPER.createObjectNode().put("id", "n").put("type", "invocation"));
    if (settingsJson != null) {
      b.settings(json(settingsJson));
    }
    return b.build();
  }

  private static Optional<FieldType> valued(TypingRule rule, String nodeType, String fieldName, String valueJson) {
    return rule.type(ctx(nodeType, fieldName, valueJson, null, null));
  }

  // ------------------------------------------------------------ formSettings

  @Test
  void formSettingsTypesNumbersAndStringsFromTheElementsConfig() {
    TypingRule rule = TypingRules.formSettings();
    assertThat(rule.type(ctx("my_node", "x", "1.5", null, "{'type': 'integer-field-config'}")))
        .contains(FieldType.INTEGER);
    assertThat(rule.type(ctx("my_node", "x", "1", null, "{'type': 'float-field-config', 'component': 'slider'}")))
        .contains(FieldType.FLOAT);
    assertThat(rule.type(ctx("my_node", "x", null, null, "{'type': 'string-field-config', 'component': 'textarea'}")))
        .contains(FieldType.STRING);
  }

  @Test
  void formSettingsMakesADropdownAnEnumOfItsOptionValues() {
    String dropdown = "{'type': 'string-field-config', 'component': 'dropdown', 'options': ["
        + "{'label': 'Small', 'value': 's'}, {'label': 'Large', 'value': 'l'}, {'label': 'Odd', 'value': 3}]}";
    assertThat(TypingRules.formSettings().type(ctx("my_node", "size", "'s'", null, dropdown)))
        .contains(FieldType.enumOf(List.of("s", "l")));
    // a dropdown without options is still a string field
    assertThat(TypingRules.formSettings().type(ctx("my_node", "size", "'s'", null,
        "{'type': 'string-field-config', 'component': 'dropdown'}"))).contains(FieldType.STRING);
  }

  @Test
  void formSettingsLeavesFieldsWithoutOrWithUnknownSettings() {
    TypingRule rule = TypingRules.formSettings();
    assertThat(valued(rule, "integer", "value", "1")).isEmpty();
    assertThat(rule.type(ctx("my_node", "x", "1", null, "{'component': 'slider'}"))).isEmpty();
    assertThat(rule.type(ctx("my_node", "x", "1", null, "{'type': 'color-field-config'}"))).isEmpty();
  }

  // ------------------------------------------------------------ builtInNodes

  @Test
  void builtInNodesTypesFromTheShippedSchemaTable() {
    TypingRule rule = TypingRules.builtInNodes();
    // the table, not the value: a radius written as 4 is still a float
    assertThat(valued(rule, "img_blur", "radius", "4")).contains(FieldType.FLOAT);
    assertThat(valued(rule, "img_blur", "blur_type", null)).contains(FieldType.enumOf(List.of("gaussian", "box")));
    assertThat(valued(rule, "save_image", "board", null)).contains(FieldType.BOARD);
    assertThat(valued(rule, "main_model_loader", "model", null)).contains(FieldType.MODEL);
    assertThat(valued(rule, "denoise_latents", "scheduler", "'euler'")).contains(FieldType.SCHEDULER);
  }

  @Test
  void builtInNodesLeavesCustomNodesUnknownFieldsAndConnectionOnlyInputs() {
    TypingRule rule = TypingRules.builtInNodes();
    assertThat(valued(rule, "my_node", "radius", "4")).isEmpty();
    assertThat(valued(rule, "img_blur", "not_a_field", "4")).isEmpty();
    assertThat(valued(rule, "denoise_latents", "latents", null)).isEmpty();
  }

  // ------------------------------------------------------------ fromTemplates

  @Test
  void fromTemplatesTypesWhatTheServersSchemaSaysAndStopsGuessesOnConnections() {
    TypingRule rule = TypingRules.fromTemplates(NodeTemplatesTest.TEMPLATES);
    assertThat(valued(rule, "img_blur", "radius", "4")).contains(FieldType.FLOAT);
    assertThat(valued(rule, "img_resize", "resample_mode", "'bicubic'"))
        .hasValueSatisfying(t -> assertThat(t.options()).contains("bicubic", "lanczos"));
    // connection-only: RAW, so wellKnownNames cannot take "latents" for something else later
    assertThat(valued(rule, "denoise_latents", "latents", null)).contains(FieldType.RAW);
    assertThat(valued(rule, "my_node", "radius", "4")).isEmpty();
    assertThat(valued(rule, "img_blur", "not_a_field", "4")).isEmpty();
  }

  // ------------------------------------------------------------ legacyFieldType

  @Test
  void legacyFieldTypeReadsSchemaOneAndTwoFieldTypes() {
    TypingRule rule = TypingRules.legacyFieldType();
    assertThat(rule.type(ctx("my_node", "x", "1", "{'type': 'integer'}", null))).contains(FieldType.INTEGER);
    assertThat(rule.type(ctx("my_node", "x", null, "{'type': 'Scheduler'}", null))).contains(FieldType.SCHEDULER);
    assertThat(rule.type(ctx("my_node", "x", null, "{'type': 'SDXLRefinerModelField'}", null)))
        .contains(FieldType.MODEL);
    assertThat(rule.type(ctx("my_node", "x", null, "{'type': {'name': 'FloatField', 'isCollection': false}}", null)))
        .contains(FieldType.FLOAT);
    assertThat(rule.type(ctx("my_node", "x", null, "{'type': {'name': 'ImageField', 'isCollection': true}}", null)))
        .contains(FieldType.collectionOf(FieldType.IMAGE));
    // already a collection type: not wrapped twice
    assertThat(rule.type(ctx("my_node", "x", null, "{'type': {'name': 'IntegerCollection', 'isCollection': true}}",
        null))).contains(FieldType.collectionOf(FieldType.INTEGER));
  }

  @Test
  void legacyFieldTypeLeavesSchemaThreeFieldsAndConnectionTypes() {
    TypingRule rule = TypingRules.legacyFieldType();
    assertThat(valued(rule, "integer", "value", "1")).isEmpty();
    assertThat(rule.type(ctx("my_node", "x", null, "{'type': 'LatentsField'}", null))).isEmpty();
    assertThat(rule.type(ctx("my_node", "x", null, "{'type': {'isCollection': true}}", null))).isEmpty();
    assertThat(rule.type(ctx("my_node", "x", null, "{'type': 3}", null))).isEmpty();
  }

  // ------------------------------------------------------------ valueShape

  @Test
  void valueShapeTypesModelsImagesColorsAndTheirCollections() {
    TypingRule rule = TypingRules.valueShape();
    assertThat(valued(rule, "my_node", "x", "{'key': 'k', 'hash': 'h', 'name': 'n', 'base': 'sdxl', 'type': 'main'}"))
        .contains(FieldType.MODEL);
    assertThat(valued(rule, "my_node", "x", "{'image_name': 'a.png'}")).contains(FieldType.IMAGE);
    assertThat(valued(rule, "my_node", "x", "{'r': 1, 'g': 2, 'b': 3, 'a': 255}")).contains(FieldType.COLOR);
    assertThat(valued(rule, "my_node", "x", "[{'image_name': 'a.png'}, {'image_name': 'b.png'}]"))
        .contains(FieldType.collectionOf(FieldType.IMAGE));
  }

  @Test
  void valueShapeTypesBoardsByTheirOnlyShapeOrByNameAndChoice() {
    TypingRule rule = TypingRules.valueShape();
    assertThat(valued(rule, "my_node", "destination", "{'board_id': 'b1'}")).contains(FieldType.BOARD);
    assertThat(valued(rule, "my_node", "board", "'auto'")).contains(FieldType.BOARD);
    assertThat(valued(rule, "my_node", "target_board", "'none'")).contains(FieldType.BOARD);
    // an object that merely carries a board_id (an image generator's value) is no board
    assertThat(valued(rule, "image_generator", "generator",
        "{'type': 'image_generator_images_from_board', 'board_id': 'b1', 'category': 'images'}")).isEmpty();
    // "auto" under any other name is just text
    assertThat(valued(rule, "my_node", "mode", "'auto'")).isEmpty();
  }

  @Test
  void valueShapeLeavesScalarsMixedOrEmptyArraysAndAbsentValues() {
    TypingRule rule = TypingRules.valueShape();
    assertThat(valued(rule, "my_node", "x", "5")).isEmpty();
    assertThat(valued(rule, "my_node", "x", "'a.png'")).isEmpty();
    assertThat(valued(rule, "my_node", "x", "[]")).isEmpty();
    assertThat(valued(rule, "my_node", "x", "[{'image_name': 'a.png'}, {'r': 1, 'g': 2, 'b': 3, 'a': 4}]")).isEmpty();
    assertThat(valued(rule, "my_node", "x", "[{'image_name': 'a.png'}, 3]")).isEmpty();
    assertThat(valued(rule, "my_node", "x", "{'key': 'k', 'base': 'sdxl'}")).isEmpty();
    assertThat(valued(rule, "my_node", "image", null)).isEmpty();
    assertThat(valued(rule, "my_node", "image", "null")).isEmpty();
  }

  // ------------------------------------------------------------ primitiveNodes

  @Test
  void primitiveNodesTypesPrimitiveCollectionBatchAndMathInputs() {
    TypingRule rule = TypingRules.primitiveNodes();
    assertThat(valued(rule, "float", "value", "1")).contains(FieldType.FLOAT);
    assertThat(valued(rule, "integer", "value", "1.0")).contains(FieldType.INTEGER);
    assertThat(valued(rule, "string_collection", "collection", "[]")).contains(FieldType.collectionOf(FieldType.STRING));
    assertThat(valued(rule, "image_batch", "images", null)).contains(FieldType.collectionOf(FieldType.IMAGE));
    assertThat(valued(rule, "integer_batch", "batch_group_id", "'None'")).contains(SWEEP_GROUPS);
    assertThat(valued(rule, "float_math", "operation", "'ADD'"))
        .hasValueSatisfying(t -> assertThat(t.options()).contains("ADD", "SQRT").doesNotContain("MOD"));
    assertThat(valued(rule, "integer_math", "operation", "'ADD'"))
        .hasValueSatisfying(t -> assertThat(t.options()).contains("MOD").doesNotContain("SQRT"));
  }

  @Test
  void primitiveNodesLeavesOtherNodesAndFields() {
    TypingRule rule = TypingRules.primitiveNodes();
    assertThat(valued(rule, "my_node", "value", "1")).isEmpty();
    assertThat(valued(rule, "integer", "other", "1")).isEmpty();
    assertThat(valued(rule, "my_node", "batch_group_id", "'None'")).isEmpty();
  }

  // ------------------------------------------------------------ wellKnownNames

  @Test
  void wellKnownNamesTypesByNameWhateverTheValue() {
    TypingRule rule = TypingRules.wellKnownNames();
    assertThat(valued(rule, "my_node", "scheduler", null)).contains(FieldType.SCHEDULER);
    assertThat(valued(rule, "my_node", "board", null)).contains(FieldType.BOARD);
    assertThat(valued(rule, "my_node", "output_board", "{'whatever': 1}")).contains(FieldType.BOARD);
    assertThat(valued(rule, "my_node", "model", null)).contains(FieldType.MODEL);
    assertThat(valued(rule, "my_node", "vae_model", null)).contains(FieldType.MODEL);
    assertThat(valued(rule, "my_node", "lora", null)).contains(FieldType.MODEL);
    assertThat(valued(rule, "my_node", "base_image", null)).contains(FieldType.IMAGE);
    assertThat(valued(rule, "my_node", "images", null)).contains(FieldType.collectionOf(FieldType.IMAGE));
    assertThat(valued(rule, "my_node", "color", null)).contains(FieldType.COLOR);
    assertThat(valued(rule, "my_node", "seed", "'not a number'")).contains(FieldType.INTEGER);
    assertThat(valued(rule, "my_node", "cfg_scale", "7")).contains(FieldType.FLOAT);
    assertThat(valued(rule, "my_node", "denoising_start", "0")).contains(FieldType.FLOAT);
    assertThat(valued(rule, "my_node", "guidance_scale", "3")).contains(FieldType.FLOAT);
    assertThat(valued(rule, "my_node", "negative_prompt", null)).contains(FieldType.STRING);
  }

  @Test
  void wellKnownNamesLeavesOtherNames() {
    TypingRule rule = TypingRules.wellKnownNames();
    assertThat(valued(rule, "my_node", "value", "1")).isEmpty();
    assertThat(valued(rule, "my_node", "boards", null)).isEmpty();
    assertThat(valued(rule, "my_node", "model_name", null)).isEmpty();
    assertThat(valued(rule, "my_node", "image_name", null)).isEmpty();
  }

  // ------------------------------------------------------------ jsonValueType

  @Test
  void jsonValueTypeTypesScalarsAndArraysOfOneScalarKind() {
    TypingRule rule = TypingRules.jsonValueType();
    assertThat(valued(rule, "my_node", "x", "1")).contains(FieldType.INTEGER);
    assertThat(valued(rule, "my_node", "x", "1.0")).contains(FieldType.FLOAT);
    assertThat(valued(rule, "my_node", "x", "'text'")).contains(FieldType.STRING);
    assertThat(valued(rule, "my_node", "x", "false")).contains(FieldType.BOOLEAN);
    assertThat(valued(rule, "my_node", "x", "[1, 2]")).contains(FieldType.collectionOf(FieldType.INTEGER));
    assertThat(valued(rule, "my_node", "x", "['a']")).contains(FieldType.collectionOf(FieldType.STRING));
  }

  @Test
  void jsonValueTypeLeavesObjectsMixedOrEmptyArraysAndAbsentValuesToRaw() {
    TypingRule rule = TypingRules.jsonValueType();
    assertThat(valued(rule, "my_node", "x", "{'a': 1}")).isEmpty();
    assertThat(valued(rule, "my_node", "x", "[]")).isEmpty();
    assertThat(valued(rule, "my_node", "x", "[1, 'a']")).isEmpty();
    assertThat(valued(rule, "my_node", "x", "[[1]]")).isEmpty();
    // a whole number next to a fraction is two kinds here; a float collection of a custom node
    // written by the GUI as [1, 0.5] stays raw unless an earlier rule knows the field
    assertThat(valued(rule, "my_node", "x", "[1, 0.5]")).isEmpty();
    assertThat(valued(rule, "my_node", "x", null)).isEmpty();
    assertThat(valued(rule, "my_node", "x", "null")).isEmpty();
  }

  @Test
  void theOfflineTyperAsksTheRulesInTheirDocumentedOrder() {
    assertThat(FieldTyper.offlineRules()).hasSize(7);
    // settings beat the table: a form may show a built-in float as an integer slider
    assertThat(FieldTyper.offline().type(ctx("img_blur", "radius", "4", null, "{'type': 'integer-field-config'}")))
        .isEqualTo(FieldType.INTEGER);
    // the table beats the value: 4 in a float field stays a float
    assertThat(FieldTyper.offline().type(ctx("img_blur", "radius", "4", null, null))).isEqualTo(FieldType.FLOAT);
    // nothing answers: raw
    assertThat(FieldTyper.offline().type(ctx("my_node", "x", "{'a': 1}", null, null))).isEqualTo(FieldType.RAW);
  }
}
