package io.invoke4j.domain.workflow;

import static io.invoke4j.domain.workflow.TestWorkflows.node;
import static io.invoke4j.domain.workflow.TestWorkflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.field.BoardValue;
import io.invoke4j.domain.field.BooleanValue;
import io.invoke4j.domain.field.CollectionValue;
import io.invoke4j.domain.field.ColorValue;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.field.FloatValue;
import io.invoke4j.domain.field.ImageValue;
import io.invoke4j.domain.field.IntegerValue;
import io.invoke4j.domain.field.ModelValue;
import io.invoke4j.domain.field.RawValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text and Java values are parsed for the input's type. */
class SettingValuesTest {
  // inputs: 0 image, 1 board, 2 color, 3 integer collection, 4 boolean, 5 model, 6 float, 7 raw
  private static final WorkflowDefinition WF = WorkflowDefinition.fromJson(workflow("3.0.0",
      node("s", "save_image", "\"image\":{\"name\":\"image\",\"label\":\"\"},\"board\":{\"name\":\"board\",\"label\":\"\"}")
          + "," + node("c", "color", "\"color\":{\"name\":\"color\",\"label\":\"\"}")
          + "," + node("r", "integer_collection", "\"collection\":{\"name\":\"collection\",\"label\":\"\",\"value\":[]}")
          + "," + node("b", "boolean", "\"value\":{\"name\":\"value\",\"label\":\"\",\"value\":false}")
          + "," + node("m", "main_model_loader", "\"model\":{\"name\":\"model\",\"label\":\"\"}")
          + "," + node("f", "float", "\"value\":{\"name\":\"value\",\"label\":\"\",\"value\":0.5}")
          + "," + node("x", "mystery", "\"thing\":{\"name\":\"thing\",\"label\":\"\"}"),
      "", "\"exposedFields\":[{\"nodeId\":\"s\",\"fieldName\":\"image\"},{\"nodeId\":\"s\",\"fieldName\":\"board\"},"
          + "{\"nodeId\":\"c\",\"fieldName\":\"color\"},{\"nodeId\":\"r\",\"fieldName\":\"collection\"},"
          + "{\"nodeId\":\"b\",\"fieldName\":\"value\"},{\"nodeId\":\"m\",\"fieldName\":\"model\"},"
          + "{\"nodeId\":\"f\",\"fieldName\":\"value\"},{\"nodeId\":\"x\",\"fieldName\":\"thing\"}]"));

  private static FieldValue text(int index, String text) {
    return WF.withValueText(index, text).input(index).value().orElseThrow();
  }

  @Test
  void typesAreAsExpected() {
    assertThat(WF.inputs()).extracting(i -> i.type().name()).containsExactly(
        "image", "board", "color", "collection<integer>", "boolean", "model", "float", "raw");
  }

  @Test
  void parsesImagesAsJsonOrBareName() {
    assertThat(text(0, "cat.png")).isEqualTo(new ImageValue("cat.png"));
    assertThat(text(0, "{\"image_name\":\"dog.png\"}")).isEqualTo(new ImageValue("dog.png"));
    assertThatThrownBy(() -> WF.withValueText(0, "{\"name\":1}")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("field image): expected image");
  }

  @Test
  void parsesBoards() {
    assertThat(text(1, "auto")).isEqualTo(BoardValue.auto());
    assertThat(text(1, "none")).isEqualTo(BoardValue.none());
    assertThat(text(1, "b-123")).isEqualTo(BoardValue.of("b-123"));
    assertThat(text(1, "{\"board_id\":\"b-9\"}")).isEqualTo(BoardValue.of("b-9"));
    assertThat(WF.withValueText(1, "b-123").json().at("/nodes/0/data/inputs/board/value").toString())
        .isEqualTo("{\"board_id\":\"b-123\"}");
  }

  @Test
  void parsesColorsAsHexOrJson() {
    assertThat(text(2, "#FF8000")).isEqualTo(new ColorValue(255, 128, 0, 255));
    assertThat(text(2, "#ff800080")).isEqualTo(new ColorValue(255, 128, 0, 128));
    assertThat(text(2, "{\"r\":1,\"g\":2,\"b\":3,\"a\":4}")).isEqualTo(new ColorValue(1, 2, 3, 4));
    assertThatThrownBy(() -> WF.withValueText(2, "red")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected color as JSON");
  }

  @Test
  void parsesCollectionsAsJsonArrays() {
    assertThat(text(3, "[1, 2, 3]")).isEqualTo(new CollectionValue(FieldType.INTEGER,
        List.of(new IntegerValue(1), new IntegerValue(2), new IntegerValue(3))));
    assertThatThrownBy(() -> WF.withValueText(3, "[1, 2.5]")).hasMessageEndingWith("item 1: expected integer, got 2.5");
    assertThat(WF.withValue(3, List.of(4, 5L)).input(3).value()).contains(new CollectionValue(FieldType.INTEGER,
        List.of(new IntegerValue(4), new IntegerValue(5))));
  }

  @Test
  void parsesBooleans() {
    assertThat(text(4, "TRUE")).isEqualTo(new BooleanValue(true));
    assertThat(WF.withValue(4, false).input(4).value()).contains(new BooleanValue(false));
    assertThatThrownBy(() -> WF.withValueText(4, "yes")).hasMessageEndingWith("expected boolean (true or false), got \"yes\"");
  }

  @Test
  void parsesModelsAsJsonObjects() {
    FieldValue model = WF.withValue(5, Map.of("key", "k", "hash", "h", "name", "n", "base", "sd-1", "type", "main"))
        .input(5).value().orElseThrow();
    assertThat(model).isInstanceOf(ModelValue.class);
    assertThat(((ModelValue) model).base()).isEqualTo("sd-1");
    assertThatThrownBy(() -> WF.withValueText(5, "juggernaut")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected model as JSON");
  }

  @Test
  void keepsHowAFloatWasWritten() {
    assertThat(WF.withValueText(6, "2").json().at("/nodes/5/data/inputs/value/value").toString()).isEqualTo("2");
    assertThat(WF.withValueText(6, "2.50").input(6).value()).contains(FloatValue.of(2.5));
    assertThat(WF.withValue(6, 0.1f).json().at("/nodes/5/data/inputs/value/value").toString()).isEqualTo("0.1");
    assertThatThrownBy(() -> WF.withValueText(6, "NaN")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void rawInputsTakeJsonOrText() {
    assertThat(text(7, "{\"a\":1}").toJson().get("a").asInt()).isEqualTo(1);
    assertThat(text(7, "hello world")).isInstanceOf(RawValue.class);
    assertThat(text(7, "hello world").toJson().asText()).isEqualTo("hello world");
  }

  @Test
  void rejectsUnsupportedJavaValues() {
    assertThatThrownBy(() -> WF.withValue(6, new Object())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unsupported Java value");
  }
}
