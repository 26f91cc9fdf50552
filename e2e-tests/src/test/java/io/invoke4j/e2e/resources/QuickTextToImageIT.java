package io.invoke4j.e2e.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.Quick;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.ports.ModelGateway;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code client.quick().textToImage} runs the workflow shipped in invoke4j's resources ({@link
 * Quick#textToImageDefinition()}) on the real model-less server. The client's model list is a fake
 * set of SD 1.5 models (the server has none): {@code syncDnnModel} picks one of them by base, the
 * server must ACCEPT the enqueue of the shipped workflow (its nodes and values are what InvokeAI
 * 6.14 validates), and the item then fails at run time with the server's "Unknown model" error,
 * which invoke4j must report.
 */
class QuickTextToImageIT {
  private static final ModelRecord FAKE_SD15 = ModelRecord.builder().key(ModelKey.of("invoke4j-e2e-no-such-sd15"))
      .hash("blake3:none").name("invoke4j e2e fake SD 1.5").base("sd-1").type("main").build();

  private final InvokeAIClient client = InvokeAIClient.builder()
      .baseUrl(Servers.env("INVOKEAI_URL", "the repository ITs need a real InvokeAI server"))
      .modelGateway(fakeModels(List.of(FAKE_SD15)))
      .build();

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void shippedWorkflowIsAcceptedAndItsUnknownModelFailureIsReported() {
    WorkflowHandle handle = client.quick().textToImageWorkflow();
    JsonNode model = handle.definition().fields().stream()
        .filter(f -> f.nodeId().equals("main_model_loader:t2i") && f.name().equals("model"))
        .findFirst().orElseThrow().json().path("value");
    assertThat(model.path("key").asText()).isEqualTo("invoke4j-e2e-no-such-sd15");
    assertThat(handle.validateInputs()).isEmpty();
    handle.setInputValue(0, "a lighthouse at dusk");
    handle.setInputValue(2, 256);
    handle.setInputValue(3, 256);
    handle.setInputValue(5, 2);

    // accepted: no EnqueueRejectedException
    handle.submitSync();
    QueueItem done = handle.waitForCompletionSync(Servers.TIMEOUT);

    assertThat(done.status()).isEqualTo(QueueItemStatus.FAILED);
    assertThat(done.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("Unknown model"));
    assertThat(done.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("invoke4j-e2e-no-such-sd15"));
  }

  @Test
  void textToImageReportsTheServersError() {
    assertThatThrownBy(() -> client.quick().textToImage("a lighthouse at dusk", Servers.TIMEOUT))
        .isInstanceOf(InvokeException.class)
        .hasMessageContaining("failed")
        .hasMessageContaining("Unknown model");
  }

  /** A model gateway that lists {@code models} and supports nothing else. */
  private static ModelGateway fakeModels(List<ModelRecord> models) {
    return (ModelGateway) Proxy.newProxyInstance(ModelGateway.class.getClassLoader(), new Class<?>[] {ModelGateway.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "list":
              @SuppressWarnings("unchecked")
              Optional<String> base = (Optional<String>) args[0];
              @SuppressWarnings("unchecked")
              Optional<String> type = (Optional<String>) args[1];
              return models.stream().filter(m -> base.map(m.base()::equals).orElse(true))
                  .filter(m -> type.map(m.type()::equals).orElse(true)).toList();
            case "find":
              return models.stream().filter(m -> m.key().equals(args[0])).findFirst();
            case "toString":
              return "fake models " + models;
            case "hashCode":
              return System.identityHashCode(proxy);
            case "equals":
              return proxy == args[0];
            default:
              throw new UnsupportedOperationException("fake model gateway: " + method.getName());
          }
        });
  }
}
