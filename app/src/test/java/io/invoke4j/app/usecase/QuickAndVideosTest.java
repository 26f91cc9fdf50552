package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.VideoName;
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
  void textToImageNeedsAnSdxlOrSd15Model() {
    try (InvokeAIClient client = InvokeAIClient.inMemory()) {
      assertThatThrownBy(() -> client.quick().textToImage("a cat", Duration.ofSeconds(5)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("SDXL or SD 1.5");
    }
  }

  @Test
  void textToImageNeedsTheServersDefaultWorkflow() {
    try (MemoryInvokeAI invoke = MemoryInvokeAI.builder()
            .model(FakeModelGateway.model("k1", "blake3:x", "Juggernaut XL", "sdxl", "main")).build();
        InvokeAIClient client = InvokeAIClient.builder().inMemory(invoke).build()) {
      // the in-memory library ships none of InvokeAI's default workflows
      assertThatThrownBy(() -> client.quick().textToImage("a cat", Duration.ofSeconds(5)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("Text to Image - SDXL");
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
