package io.invoke4j.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.adapter.http.HttpImageGateway;
import io.invoke4j.adapter.http.RetryPolicy;
import io.invoke4j.app.usecase.FakeEventStream;
import io.invoke4j.app.usecase.FakeImageGateway;
import io.invoke4j.app.usecase.FakeModelGateway;
import io.invoke4j.app.usecase.FakeQueueGateway;
import io.invoke4j.app.usecase.FakeServerGateway;
import io.invoke4j.app.usecase.Unsupported;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.WorkflowLibrary;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvokeAIClientTest {
  @Test
  void buildNeedsABaseUrlUnlessEveryPortIsSwapped() {
    assertThatThrownBy(() -> InvokeAIClient.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("baseUrl is required unless every port is swapped; not swapped: QueueGateway, ImageGateway,"
            + " BoardGateway, ModelGateway, WorkflowLibrary, ServerGateway, EventStream");
    FakeEventStream events = new FakeEventStream(true);
    assertThatThrownBy(() -> InvokeAIClient.builder().queueGateway(new FakeQueueGateway(events)).eventStream(events)
        .build()).isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("not swapped: ImageGateway, BoardGateway, ModelGateway, WorkflowLibrary, ServerGateway");
  }

  @Test
  void rejectsABaseUrlThatIsNotHttp() {
    assertThatThrownBy(() -> InvokeAIClient.fromUrl("ftp://host/")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://host/");
    assertThatThrownBy(() -> InvokeAIClient.builder().baseUrl("not a url")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InvokeAIClient.builder().readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void usesEverySwappedPortAndNoServer() {
    FakeEventStream events = new FakeEventStream(true);
    FakeQueueGateway queue = new FakeQueueGateway(events);
    FakeImageGateway images = new FakeImageGateway();

    InvokeAIClient client = swapped(events, queue, images).build();
    client.close();

    assertThat(client.queue().gateway()).isSameAs(queue);
    assertThat(client.images()).isSameAs(images);
    assertThat(client.events()).isSameAs(events);
    assertThat(events.closed()).as("close() closes the event stream").isTrue();
  }

  @Test
  void swappedPortsReplaceTheHttpAdaptersOneByOne() {
    FakeEventStream events = new FakeEventStream(true);
    FakeQueueGateway queue = new FakeQueueGateway(events);

    try (InvokeAIClient client = InvokeAIClient.builder().baseUrl("http://127.0.0.1:9/invoke")
        .retryPolicy(RetryPolicy.none()).connectTimeout(Duration.ofSeconds(1)).queueGateway(queue)
        .eventStream(events).build()) {
      assertThat(client.queue().gateway()).isSameAs(queue);
      assertThat(client.images()).isInstanceOf(HttpImageGateway.class);
      assertThat(client.workflowRepo()).isNotNull();
    }
  }

  static InvokeAIClient.Builder swapped(FakeEventStream events, FakeQueueGateway queue, FakeImageGateway images) {
    return InvokeAIClient.builder()
        .queueGateway(queue)
        .imageGateway(images)
        .eventStream(events)
        .modelGateway(FakeModelGateway.recorded())
        .boardGateway(Unsupported.of(BoardGateway.class))
        .workflowLibrary(Unsupported.of(WorkflowLibrary.class))
        .serverGateway(new FakeServerGateway());
  }
}
