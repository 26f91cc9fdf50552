package io.invoke4j.domain.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldValuesTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static ObjectNode model() {
    ObjectNode m = F.objectNode().put("key", "k").put("hash", "h").put("name", "n").put("base", "sdxl").put("type", "main");
    m.put("future_key", 3);
    return m;
  }

  @Test
  void readsTypedValuesThatFitExactly() {
    assertThat(FieldValues.read(FieldType.INTEGER, IntNode.valueOf(5))).isEqualTo(new IntegerValue(5));
    assertThat(FieldValues.read(FieldType.INTEGER, LongNode.valueOf(5))).isEqualTo(new IntegerValue(5));
    assertThat(FieldValues.read(FieldType.FLOAT, IntNode.valueOf(1)).toJson()).isEqualTo(IntNode.valueOf(1));
    assertThat(FieldValues.read(FieldType.BOARD, TextNode.valueOf("none"))).isEqualTo(BoardValue.none());
    assertThat(FieldValues.read(FieldType.BOARD, F.objectNode().put("board_id", "b1"))).isEqualTo(BoardValue.of("b1"));
    assertThat(FieldValues.read(FieldType.IMAGE, F.objectNode().put("image_name", "a.png")))
        .isEqualTo(new ImageValue("a.png"));
    assertThat(FieldValues.read(FieldType.COLOR, F.objectNode().put("r", 1).put("g", 2).put("b", 3).put("a", 255)))
        .isEqualTo(new ColorValue(1, 2, 3, 255));
  }

  @Test
  void keepsValuesThatDoNotFitRaw() {
    JsonNode wholeDouble = DoubleNode.valueOf(600.0);
    assertThat(FieldValues.read(FieldType.INTEGER, wholeDouble)).isEqualTo(new RawValue(wholeDouble));
    JsonNode imageWithExtra = F.objectNode().put("image_name", "a.png").put("width", 3);
    assertThat(FieldValues.read(FieldType.IMAGE, imageWithExtra).toJson()).isEqualTo(imageWithExtra);
    assertThat(FieldValues.read(FieldType.IMAGE, TextNode.valueOf("a.png"))).isInstanceOf(RawValue.class);
    assertThat(FieldValues.read(FieldType.SCHEDULER, TextNode.valueOf("someday")))
        .isEqualTo(new EnumValue("someday", FieldType.SCHEDULER.options()));
  }

  @Test
  void keepsTheWholeModelObject() {
    ModelValue value = (ModelValue) FieldValues.read(FieldType.MODEL, model());
    assertThat(value.toJson()).isEqualTo(model());
    assertThat(value.key()).isEqualTo("k");
    assertThat(value.base()).isEqualTo("sdxl");
    assertThat(value.submodelType()).isEmpty();
  }

  @Test
  void convertsStrictly() {
    assertThatThrownBy(() -> FieldValues.convert(FieldType.INTEGER, DoubleNode.valueOf(1.5)))
        .hasMessage("expected integer, got 1.5");
    assertThatThrownBy(() -> FieldValues.convert(FieldType.enumOf(List.of("a", "b")), TextNode.valueOf("c")))
        .hasMessage("expected enum (one of a, b), got \"c\"");
    assertThatThrownBy(() -> FieldValues.convert(FieldType.collectionOf(FieldType.INTEGER), F.arrayNode().add(1).add("x")))
        .hasMessage("item 1: expected integer, got \"x\"");
    assertThatThrownBy(() -> FieldValues.convert(FieldType.COLOR, F.objectNode().put("r", 300)))
        .hasMessageStartingWith("expected color");
    assertThat(FieldValues.convert(FieldType.enumOf(List.of()), TextNode.valueOf("anything")))
        .isEqualTo(new EnumValue("anything", List.of()));
  }

  @Test
  void coercesThroughJson() {
    assertThat(FieldValues.coerce(FieldType.FLOAT, new IntegerValue(3))).isEqualTo(FloatValue.of(3));
    assertThat(FieldValues.coerce(FieldType.IMAGE, new StringValue("x.png"))).isEqualTo(new ImageValue("x.png"));
    assertThat(FieldValues.coerce(FieldType.RAW, new IntegerValue(3))).isEqualTo(new RawValue(IntNode.valueOf(3)));
  }

  @Test
  void writesCollectionsAsArrays() {
    CollectionValue c = new CollectionValue(FieldType.INTEGER, List.of(new IntegerValue(1), new IntegerValue(2)));
    assertThat(c.toJson()).isEqualTo(F.arrayNode().add(1).add(2));
  }

  @Test
  void rejectsInconsistentValues() {
    assertThatThrownBy(() -> new ColorValue(0, 0, 0, 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FloatValue.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImageValue(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ModelValue(F.objectNode().put("key", "k"))).isInstanceOf(IllegalArgumentException.class);
  }
}
