package io.invoke4j.domain.queue;

import static io.invoke4j.domain.queue.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
  private static JsonNode resolve(String nodeType, String value) {
    List<JsonNode> values = Generators.resolve("gen", nodeType, json(value), () -> 5489);
    return TestJson.MAPPER.valueToTree(values);
  }

  @Test
  void integerArithmeticSequence() {
    assertThat(resolve("integer_generator",
        "{'type': 'integer_generator_arithmetic_sequence', 'start': 2, 'step': 3, 'count': 4}"))
        .isEqualTo(json("[2, 5, 8, 11]"));
  }

  @Test
  void arithmeticSequenceWithStepZeroIsTheStartOnly() {
    assertThat(resolve("integer_generator",
        "{'type': 'integer_generator_arithmetic_sequence', 'start': 2, 'step': 0, 'count': 4}"))
        .isEqualTo(json("[2]"));
  }

  @Test
  void floatArithmeticSequenceKeepsJavaScriptRoundingAndWritesWholeNumbersWithoutFraction() {
    assertThat(resolve("float_generator",
        "{'type': 'float_generator_arithmetic_sequence', 'start': 0, 'step': 0.1, 'count': 4}"))
        .isEqualTo(json("[0, 0.1, 0.2, 0.30000000000000004]"));
  }

  @Test
  void integerLinearDistributionRoundsHalvesUp() {
    assertThat(resolve("integer_generator",
        "{'type': 'integer_generator_linear_distribution', 'start': 0, 'end': 5, 'count': 3}"))
        .isEqualTo(json("[0, 3, 5]"));
  }

  @Test
  void floatLinearDistribution() {
    assertThat(resolve("float_generator",
        "{'type': 'float_generator_linear_distribution', 'start': 1, 'end': 2, 'count': 5}"))
        .isEqualTo(json("[1, 1.25, 1.5, 1.75, 2]"));
  }

  @Test
  void linearDistributionOfOneIsTheStart() {
    assertThat(resolve("float_generator",
        "{'type': 'float_generator_linear_distribution', 'start': 1, 'end': 2, 'count': 1}"))
        .isEqualTo(json("[1]"));
  }

  @Test
  void seededUniformRandomUsesTheGuisMersenneTwister() {
    double first = 3499211612L / 4294967296.0;
    double second = 581869302L / 4294967296.0;

    assertThat(resolve("float_generator", "{'type': 'float_generator_random_distribution_uniform',"
        + " 'min': 10, 'max': 20, 'count': 2, 'seed': 5489}"))
        .isEqualTo(TestJson.MAPPER.valueToTree(List.of(first * 10 + 10, second * 10 + 10)));
    assertThat(resolve("integer_generator", "{'type': 'integer_generator_random_distribution_uniform',"
        + " 'min': 0, 'max': 9, 'count': 2, 'seed': 5489}"))
        .isEqualTo(TestJson.MAPPER.valueToTree(
            List.of((int) Math.floor(first * 10), (int) Math.floor(second * 10))));
  }

  @Test
  void unseededUniformRandomTakesItsSeedFromTheSupplier() {
    assertThat(resolve("integer_generator",
        "{'type': 'integer_generator_random_distribution_uniform', 'min': 0, 'max': 9, 'count': 1}"))
        .isEqualTo(json("[8]"));
  }

  @Test
  void floatGeneratorsPreferTheCachedValues() {
    assertThat(resolve("float_generator", "{'type': 'float_generator_random_distribution_uniform',"
        + " 'min': 0, 'max': 1, 'count': 3, 'values': [0.5, 0.25]}"))
        .isEqualTo(json("[0.5, 0.25]"));
  }

  @Test
  void integerGeneratorsIgnoreCachedValuesAsTheGuiDoes() {
    assertThat(resolve("integer_generator", "{'type': 'integer_generator_arithmetic_sequence',"
        + " 'start': 1, 'step': 1, 'count': 2, 'values': [9, 9, 9]}"))
        .isEqualTo(json("[1, 2]"));
  }

  @Test
  void parseStringSplitsOnTheJsonDecodedSeparatorAndParsesLikeJavaScript() {
    assertThat(resolve("integer_generator",
        "{'type': 'integer_generator_parse_string', 'input': '1\\n 2.7\\n\\n12px\\nabc', 'splitOn': '\\\\n'}"))
        .isEqualTo(json("[1, 2, 12]"));
    assertThat(resolve("float_generator",
        "{'type': 'float_generator_parse_string', 'input': '0.5, 1e2, .25x, nope,', 'splitOn': ','}"))
        .isEqualTo(json("[0.5, 100, 0.25]"));
    assertThat(resolve("string_generator",
        "{'type': 'string_generator_parse_string', 'input': 'a cat| a dog||', 'splitOn': '|'}"))
        .isEqualTo(json("['a cat', ' a dog']"));
  }

  @Test
  void parseStringWithAnEmptySeparatorKeepsTheWholeInput() {
    assertThat(resolve("string_generator",
        "{'type': 'string_generator_parse_string', 'input': 'a,b', 'splitOn': ''}"))
        .isEqualTo(json("['a,b']"));
  }

  @Test
  void splitFallsBackToTheRawSeparatorWhenItIsNotJson() {
    assertThat(Generators.split("a\\b\\c", "\\")).containsExactly("a", "b", "c");
  }

  @Test
  void serverSideGeneratorsAreUnresolvable() {
    assertThatThrownBy(() -> resolve("image_generator",
        "{'type': 'image_generator_images_from_board', 'board_id': 'b1', 'category': 'images'}"))
        .isInstanceOfSatisfying(UnresolvableBatchException.class, e -> {
          assertThat(e.nodeId()).isEqualTo("gen");
          assertThat(e.generatorType()).isEqualTo("image_generator_images_from_board");
        })
        .hasMessageContaining("gen");
    assertThatThrownBy(() -> resolve("string_generator",
        "{'type': 'string_generator_dynamic_prompts_random', 'input': '{a|b}', 'count': 2}"))
        .isInstanceOf(UnresolvableBatchException.class)
        .hasMessageContaining("string_generator_dynamic_prompts_random");
  }

  @Test
  void imagesFromNoBoardAreNoImages() {
    assertThat(resolve("image_generator",
        "{'type': 'image_generator_images_from_board', 'category': 'images'}")).isEmpty();
  }
}
