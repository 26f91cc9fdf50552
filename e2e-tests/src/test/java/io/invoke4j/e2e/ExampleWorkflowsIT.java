package io.invoke4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.invoke4j.app.usecase.WorkflowRequests;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.EnqueueResult;
import io.invoke4j.domain.queue.NodeOutput;
import io.invoke4j.domain.queue.OutputMapper;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.queue.Tier;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The model-less examples in {@code examples/}, with their form inputs changed, built by invoke4j
 * exactly as {@code ./invoke4j payload --set i=v} builds them, run on the server through invoke4j's
 * client; the results are found with invoke4j's {@link OutputMapper} and checked down to the pixels.
 */
class ExampleWorkflowsIT {

  private final InvokeAiServer server = InvokeAiServer.fromEnvironment();
  private final CreatedOnServer created = new CreatedOnServer(server);

  @AfterEach
  void cleanUp() {
    created.cleanUp();
  }

  @Test
  void blurResizeSaveBlursAndResizesAnUploadedImageOntoTheChosenBoard() {
    BufferedImage original = Pixels.checkerboard(200, 120, 20);
    ImageName uploaded =
        server.uploadPng(Pixels.png(original), "invoke4j-e2e-checkerboard.png").name();
    created.images.add(uploaded);
    BoardId board = created.board(server.boards().create("invoke4j-e2e blur-resize-save"));
    WorkflowDefinition workflow = example("blur-resize-save.json");

    // inputs: 0 image, 1 blur radius, 2 width, 3 height, 4 board; radius 0 is the plain resize
    QueueItem blurred = runToCompletion(WorkflowRequests.prepare(workflow,
        Map.of(0, uploaded.value(), 1, "4", 2, "96", 3, "64", 4, board.value()), 1, Optional.empty()));
    QueueItem sharp = runToCompletion(WorkflowRequests.prepare(workflow,
        Map.of(0, uploaded.value(), 1, "0", 2, "96", 3, "64", 4, board.value()), 1, Optional.empty()));

    String saveNode = workflow.input(4).nodeId();
    NodeOutput output = singleOutput(blurred);
    assertThat(output.nodeId()).isEqualTo(saveNode);
    assertThat(output.tier()).isEqualTo(Tier.RESULTS);
    assertThat(output.boardId()).contains(board);
    assertThat(output.imageNames()).hasSize(1);
    ImageName blurredName = output.imageNames().get(0);
    ImageName sharpName = singleOutput(sharp).imageNames().get(0);
    assertThat(server.boards().imageNames(board)).containsExactlyInAnyOrder(blurredName, sharpName);

    BufferedImage blurredImage = Pixels.decode(server.images().download(blurredName));
    BufferedImage sharpImage = Pixels.decode(server.images().download(sharpName));
    assertThat(List.of(blurredImage.getWidth(), blurredImage.getHeight())).containsExactly(96, 64);
    assertThat(List.of(sharpImage.getWidth(), sharpImage.getHeight())).containsExactly(96, 64);
    double blurredEnergy = Pixels.gradientEnergy(blurredImage);
    double sharpEnergy = Pixels.gradientEnergy(sharpImage);
    double nearestEnergy = Pixels.gradientEnergy(Pixels.nearestNeighbour(original, 96, 64));
    System.out.printf("gradient energy: nearest-neighbour %.0f, radius 0 %.0f, radius 4 %.0f%n",
        nearestEnergy, sharpEnergy, blurredEnergy);
    // the plain (bicubic) resize keeps the edges nearly as hard as nearest neighbour ...
    assertThat(sharpEnergy).isGreaterThan(0.5 * nearestEnergy);
    // ... the blur before it takes most of their contrast away
    assertThat(blurredEnergy).isLessThan(0.5 * sharpEnergy);
  }

  @Test
  void blankBlurSaveMakesAnImageOfTheSetSizeAndColour() {
    WorkflowDefinition workflow = example("blank-blur-save.json");

    // inputs: 0/1 blank width/height, 2 colour, 3 blur radius, 4/5 resize width/height, 6 board
    QueueItem item = runToCompletion(WorkflowRequests.prepare(workflow,
        Map.of(0, "80", 1, "60", 2, "#204080", 3, "2", 4, "48", 5, "36", 6, "none"),
        1, Optional.empty()));

    NodeOutput output = singleOutput(item);
    assertThat(output.nodeId()).isEqualTo(workflow.input(6).nodeId());
    assertThat(output.tier()).isEqualTo(Tier.RESULTS);
    assertThat(output.boardId()).isEmpty();
    BufferedImage image = Pixels.decode(server.images().download(output.imageNames().get(0)));
    assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(48, 36);
    // one colour blurred stays that colour, give or take the blur's rounding (6.14.2 gives 1f3f7f)
    int centre = image.getRGB(24, 18);
    assertThat(List.of(centre >> 16 & 0xff, centre >> 8 & 0xff, centre & 0xff))
        .satisfiesExactly(
            r -> assertThat(r).isCloseTo(0x20, within(2)),
            g -> assertThat(g).isCloseTo(0x40, within(2)),
            b -> assertThat(b).isCloseTo(0x80, within(2)));
  }

  @Test
  void integerAddAddsTheSetValues() {
    WorkflowDefinition workflow = example("integer-add.json");

    QueueItem item = runToCompletion(
        WorkflowRequests.prepare(workflow, Map.of(0, "17", 1, "25"), 1, Optional.empty()));

    assertThat(QueueItems.output(item, workflow.input(1).nodeId()).path("value").asInt())
        .isEqualTo(42);
    assertThat(OutputMapper.map(item)).isEmpty();
    assertThat(OutputMapper.errors(item)).isEmpty();
  }

  private QueueItem runToCompletion(EnqueueRequest request) {
    EnqueueResult result = created.enqueued(server.queue().enqueue(request));
    assertThat(result.itemIds()).hasSize(request.expectedSessions());
    QueueItem item = created.imagesOf(server.awaitFinished(result.itemIds()).get(0));
    assertThat(item.status())
        .as("%s: %s", item.errorType().orElse(""), item.errorMessage().orElse(""))
        .isEqualTo(QueueItemStatus.COMPLETED);
    return item;
  }

  private static NodeOutput singleOutput(QueueItem item) {
    List<NodeOutput> outputs = OutputMapper.map(item);
    assertThat(outputs).as("outputs of item %s", item.itemId().value()).hasSize(1);
    return outputs.get(0);
  }

  /** An example workflow from the repository's {@code examples/} folder. */
  static WorkflowDefinition example(String name) {
    Path file = Path.of("..", "examples", name).toAbsolutePath().normalize();
    assertThat(file).as("example workflow").satisfies(f -> assertThat(Files.isRegularFile(f)).isTrue());
    return WorkflowDefinition.fromFile(file);
  }
}
