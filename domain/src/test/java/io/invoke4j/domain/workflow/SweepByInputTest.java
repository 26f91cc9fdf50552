package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.queue.BatchDatum;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.Sweep;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sweeps by input index: typed like {@code withValue}, refused before anything is sent. */
class SweepByInputTest {
  // the project's own example: 0 image, 1 blur radius (float), 2 width, 3 height, 4 board
  private static final WorkflowDefinition BLUR =
      WorkflowDefinition.fromFile(Path.of("../examples/blur-resize-save.json"));
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void sweepTargetsTheInputsNodeAndFieldWithConvertedValues() {
    Sweep sweep = BLUR.sweep(2, 64, "96", 128L);

    WorkflowInput width = BLUR.input(2);
    assertThat(sweep.groups()).hasSize(1);
    BatchDatum datum = sweep.groups().get(0).get(0);
    assertThat(datum.nodePath()).isEqualTo(width.nodeId());
    assertThat(datum.fieldName()).isEqualTo("width");
    assertThat(datum.toJson().get("items").toString()).isEqualTo("[64,96,128]");
  }

  @Test
  void imageSweepsSendImageFields() {
    BatchDatum datum = BLUR.datum(0, List.of("a.png", "b.png"));

    assertThat(datum.items()).containsExactly(
        JSON.objectNode().put("image_name", "a.png"), JSON.objectNode().put("image_name", "b.png"));
  }

  @Test
  void wrongTypedValueNamesTheInputAndItsPosition() {
    assertThatThrownBy(() -> BLUR.sweep(2, 64, "abc"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("input 2 \"Width\" (node \"Resize\" img_resize#")
        .hasMessageContaining("field width): sweep value 1: expected integer");
  }

  @Test
  void fractionIntoAnIntegerInputIsRefused() {
    // the server would accept 1.5 at enqueue and then block its whole queue on it
    assertThatThrownBy(() -> BLUR.sweep(3, 1.5)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sweep value 0");
  }

  @Test
  void boardInputsCannotBeSwept() {
    assertThatThrownBy(() -> BLUR.sweep(4, "b1", "b2"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("field board): the server cannot sweep board inputs");
  }

  @Test
  void emptySweepIsRefused() {
    assertThatThrownBy(() -> BLUR.sweep(1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one value");
  }

  @Test
  void zippedInputSweepsGiveOneSessionPerPairTimesRuns() {
    EnqueueRequest request = EnqueueRequest.forWorkflow(BLUR.withValue(0, "in.png").json())
        .runs(2)
        .sweep(Sweep.zip(BLUR.datum(2, List.of(64, 128)), BLUR.datum(3, List.of(32, 48))))
        .sweep(BLUR.sweep(1, 0, 2.5, 8))
        .build();

    assertThat(request.expectedSessions()).isEqualTo(2 * 2 * 3);
  }

  @Test
  void rawSweepWhoseItemsDoNotFitTheFieldIsRefusedAtBuild() {
    Sweep text = Sweep.of(BLUR.input(2).nodeId(), "width", "wide", "narrow");

    assertThatThrownBy(() -> EnqueueRequest.forWorkflow(BLUR.json()).sweep(text).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".width: item 0 is text (\"wide\") but the field holds a number (256)");
  }
}
