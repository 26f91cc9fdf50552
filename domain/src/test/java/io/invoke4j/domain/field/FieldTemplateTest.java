package io.invoke4j.domain.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.field.FieldProblem.Constraint;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldTemplateTest {
  private static FieldTemplate.Builder template(String typeName, Cardinality cardinality) {
    FieldTemplate.Builder builder = FieldTemplate.builder();
    builder.name("f").title("F").typeName(typeName).cardinality(cardinality).required(false).input(InputKind.ANY);
    return builder;
  }

  private static FieldTemplate.Builder number(String typeName) {
    return template(typeName, Cardinality.SINGLE);
  }

  private static List<Constraint> broken(FieldTemplate template, FieldValue value) {
    return template.validate(value).stream().map(FieldProblem::constraint).toList();
  }

  private static CollectionValue ints(long... values) {
    List<FieldValue> items = new java.util.ArrayList<>();
    for (long v : values) {
      items.add(new IntegerValue(v));
    }
    return new CollectionValue(FieldType.INTEGER, items);
  }

  @Test
  void acceptsAValueWithinEveryBound() {
    FieldTemplate radius = NodeTemplatesTest.TEMPLATES.field("img_blur", "radius").orElseThrow();
    assertThat(radius.validate(FloatValue.of(2.5))).isEmpty();
    assertThat(radius.validate(new IntegerValue(0))).isEmpty(); // an integer fits a float field
  }

  @Test
  void namesTheFieldAndTheMinimumItBreaks() {
    FieldTemplate radius = NodeTemplatesTest.TEMPLATES.field("img_blur", "radius").orElseThrow();
    assertThat(radius.validate(FloatValue.of(-1))).containsExactly(
        new FieldProblem("radius", Constraint.MINIMUM, "radius: -1.0 is less than the minimum 0"));
  }

  @Test
  void checksTheMaximum() {
    FieldTemplate fps = NodeTemplatesTest.TEMPLATES.field("extract_video_range", "fps").orElseThrow();
    assertThat(broken(fps, new IntegerValue(121))).containsExactly(Constraint.MAXIMUM);
    assertThat(broken(fps, new IntegerValue(120))).isEmpty();
  }

  @Test
  void checksExclusiveBounds() {
    FieldTemplate steps = NodeTemplatesTest.TEMPLATES.field("denoise_latents", "steps").orElseThrow();
    assertThat(broken(steps, new IntegerValue(0))).containsExactly(Constraint.EXCLUSIVE_MINIMUM);
    assertThat(broken(steps, new IntegerValue(1))).isEmpty();
    FieldTemplate rescale = NodeTemplatesTest.TEMPLATES.field("denoise_latents", "cfg_rescale_multiplier")
        .orElseThrow();
    assertThat(broken(rescale, FloatValue.of(1.0))).containsExactly(Constraint.EXCLUSIVE_MAXIMUM);
    assertThat(broken(rescale, FloatValue.of(0.99))).isEmpty();
  }

  @Test
  void checksMultipleOfExactlyForDecimals() {
    FieldTemplate x = NodeTemplatesTest.TEMPLATES.field("crop_latents", "x").orElseThrow();
    assertThat(broken(x, new IntegerValue(12))).containsExactly(Constraint.MULTIPLE_OF);
    assertThat(broken(x, new IntegerValue(16))).isEmpty();
    FieldTemplate tenth = number("FloatField").multipleOf(new BigDecimal("0.1")).build();
    assertThat(broken(tenth, FloatValue.of(0.3))).isEmpty(); // 0.3 % 0.1 is not 0 in doubles
    assertThat(broken(tenth, FloatValue.of(0.35))).containsExactly(Constraint.MULTIPLE_OF);
  }

  @Test
  void checksStringLengthsInCodePoints() {
    FieldTemplate text = template("StringField", Cardinality.SINGLE).minLength(2).maxLength(3).build();
    assertThat(broken(text, new StringValue("a"))).containsExactly(Constraint.MIN_LENGTH);
    assertThat(broken(text, new StringValue("abcd"))).containsExactly(Constraint.MAX_LENGTH);
    assertThat(broken(text, new StringValue("\uD83D\uDE00\uD83D\uDE00"))).isEmpty(); // two emoji
  }

  @Test
  void checksCollectionSizesAndEachItem() {
    FieldTemplate list = template("IntegerField", Cardinality.COLLECTION).minItems(1).maxItems(2)
        .maximum(BigDecimal.TEN).build();
    assertThat(list.validate(ints())).containsExactly(
        new FieldProblem("f", Constraint.MIN_ITEMS, "f: the collection is empty, it needs at least 1 item(s)"));
    assertThat(broken(list, ints(1, 2, 3))).containsExactly(Constraint.MAX_ITEMS);
    assertThat(broken(list, ints(1, 11))).containsExactly(Constraint.MAXIMUM);
    FieldTemplate two = template("IntegerField", Cardinality.COLLECTION).minItems(2).build();
    assertThat(broken(two, ints(1))).containsExactly(Constraint.MIN_ITEMS);
  }

  @Test
  void checksTheRealImageListsBoundsFromInsideAnyOf() {
    FieldTemplate images = NodeTemplatesTest.TEMPLATES.field("flux_kontext_image_prep", "images").orElseThrow();
    CollectionValue none = new CollectionValue(FieldType.IMAGE, List.of());
    assertThat(broken(images, none)).containsExactly(Constraint.MIN_ITEMS);
  }

  @Test
  void checksEachItemOfASingleOrCollectionList() {
    FieldTemplate cfg = template("FloatField", Cardinality.SINGLE_OR_COLLECTION).minimum(BigDecimal.ONE).build();
    assertThat(broken(cfg, FloatValue.of(0.5))).containsExactly(Constraint.MINIMUM);
    assertThat(broken(cfg, new RawValue(JsonNodeFactory.instance.arrayNode().add(2.0).add(0.5))))
        .containsExactly(Constraint.MINIMUM);
  }

  @Test
  void checksEnumMembership() {
    FieldTemplate blurType = NodeTemplatesTest.TEMPLATES.field("img_blur", "blur_type").orElseThrow();
    assertThat(blurType.validate(new EnumValue("median", List.of()))).containsExactly(new FieldProblem(
        "blur_type", Constraint.ENUM, "blur_type: \"median\" is not one of gaussian, box"));
    assertThat(blurType.validate(new EnumValue("box", List.of()))).isEmpty();
  }

  @Test
  void reportsAValueOfTheWrongType() {
    FieldTemplate radius = NodeTemplatesTest.TEMPLATES.field("img_blur", "radius").orElseThrow();
    assertThat(broken(radius, new StringValue("wide"))).containsExactly(Constraint.TYPE);
  }

  @Test
  void leavesConnectionOnlyValuesUnchecked() {
    FieldTemplate latents = NodeTemplatesTest.TEMPLATES.field("denoise_latents", "latents").orElseThrow();
    assertThat(latents.validate(new StringValue("anything"))).isEmpty();
  }
}
