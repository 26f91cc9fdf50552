package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;

import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.VideoName;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuickAndVideosTest {
  @Test
  void copyImageToBoardLeavesTheOriginal() {
    try (InvokeAIClient client = InvokeAIClient.inMemory()) {
      BoardHandle board = client.boardRepo().createBoard("copies");
      ImageInfo original = client.images().upload(BoardRepositoryTest.png(3, 2), "o.png", ImageCategory.USER,
          Optional.empty(), false);

      ImageInfo copy = client.quick().copyImageToBoard(original.name(), board.boardId());

      assertThat(copy.name()).isNotEqualTo(original.name());
      assertThat(copy.boardId()).contains(board.boardId());
      assertThat(copy.category()).contains(ImageCategory.USER);
      assertThat(client.images().find(original.name())).hasValueSatisfying(i -> assertThat(i.boardId()).isEmpty());
      assertThatThrownBy(() -> client.quick().copyImageToBoard(ImageName.of("nope.png"), BoardId.NONE))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void textToImageNeedsAnSd15Model() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.builder()
            .model(FakeModelGateway.model("k1", "blake3:x", "Juggernaut XL", "sdxl", "main")).build();
        InvokeAIClient client = InvokeAIClient.builder().inMemory(invoke).build()) {
      assertThatThrownBy(() -> client.quick().textToImage("a cat", Duration.ofSeconds(5)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("SD 1.5 main model");
    }
  }

  @Test
  void shippedTextToImageWorkflowExposesItsForm() {
    WorkflowDefinition definition = Quick.textToImageDefinition();

    assertThat(definition.inputs()).extracting(WorkflowInput::nodeId, WorkflowInput::fieldName).containsExactly(
        tuple("compel:positive", "prompt"), tuple("compel:negative", "prompt"), tuple("noise:t2i", "width"),
        tuple("noise:t2i", "height"), tuple("noise:t2i", "seed"), tuple("denoise_latents:t2i", "steps"));
    JsonNode model = definition.fields().stream()
        .filter(f -> f.nodeId().equals("main_model_loader:t2i") && f.name().equals("model"))
        .findFirst().orElseThrow().json().path("value");
    assertThat(model.path("key").asText()).isEmpty();
    assertThat(model.path("base").asText()).isEqualTo("sd-1");
  }

  @Test
  void textToImageRunsTheShippedWorkflowOnTheModelChosenBySync() {
    // a recorded model list: an SDXL and two SD 1.5 main models; sync picks the first SD 1.5 by name
    try (MemoryInvokeAI invoke = MemoryInvokeAI.builder()
            .model(FakeModelGateway.model("kx", "blake3:x", "Juggernaut XL", "sdxl", "main"))
            .model(FakeModelGateway.model("k2", "blake3:b", "Realistic Vision", "sd-1", "main"))
            .model(FakeModelGateway.model("k1", "blake3:a", "Dreamshaper 8", "sd-1", "main")).build();
        InvokeAIClient client = InvokeAIClient.builder().inMemory(invoke).build()) {
      WorkflowHandle handle = client.quick().textToImageWorkflow();
      JsonNode model = handle.definition().fields().stream()
          .filter(f -> f.nodeId().equals("main_model_loader:t2i") && f.name().equals("model"))
          .findFirst().orElseThrow().json().path("value");
      assertThat(model.path("key").asText()).isEqualTo("k1");
      assertThat(model.path("name").asText()).isEqualTo("Dreamshaper 8");
      assertThat(handle.validateInputs()).isEmpty();

      // accepted at enqueue; the in-memory server has no weights, so the model loader fails with its key
      assertThatThrownBy(() -> client.quick().textToImage("a cat", Duration.ofSeconds(30)))
          .isInstanceOf(InvokeException.class).hasMessageContaining("failed").hasMessageContaining("Unknown model k1");
      assertThat(invoke.queue().listAll().stream().filter(i -> i.status() == QueueItemStatus.FAILED)).hasSize(1);
    }
  }

  @Test
  void inMemoryClientHasVideos() {
    try (InvokeAIClient client = InvokeAIClient.inMemory()) {
      assertThat(client.videos().find(VideoName.of("nope.mp4"))).isEmpty();
    }
  }

  @Test
  void clientOfSwappedPortsWithoutVideosSaysSo() {
    FakeEventStream events = new FakeEventStream(true);
    try (InvokeAIClient client = InvokeAIClient.builder().queueGateway(new FakeQueueGateway(events))
        .imageGateway(new FakeImageGateway()).boardGateway(Unsupported.of(io.invoke4j.ports.BoardGateway.class))
        .modelGateway(FakeModelGateway.recorded()).workflowLibrary(Unsupported.of(io.invoke4j.ports.WorkflowLibrary.class))
        .serverGateway(new FakeServerGateway()).eventStream(events).build()) {
      assertThatThrownBy(() -> client.videos().find(VideoName.of("v.mp4")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("videoGateway");
    }
  }
}
