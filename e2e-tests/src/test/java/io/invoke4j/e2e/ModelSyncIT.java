package io.invoke4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.JobUpdate;
import io.invoke4j.app.usecase.ModelSync;
import io.invoke4j.app.usecase.Submission;
import io.invoke4j.app.usecase.UnresolvedModelException;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.Fixtures;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.ports.ModelGateway;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkflowHandle#syncDnnModel} on the real server at {@code INVOKEAI_URL}, with the GUI-exported
 * SDXL fixture (its model loader's {@code model} is form input 0, "Model"):
 *
 * <ul>
 *   <li>against the server's own model list, which is empty on the model-less test server: the model
 *       field resolves to nothing, whatever the strategy, and the workflow is left as it was;
 *   <li>against a recorded model list: a server without models cannot serve one, so the client's
 *       model gateway is swapped for one returning recorded-looking {@link ModelRecord}s while every
 *       other port is the real server. The synced workflow previews with the resolved key, the server
 *       accepts it, and its item fails at run time because the server has no such model - an error
 *       the library reports.
 * </ul>
 */
class ModelSyncIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("invoke4j.e2e.timeout", 300));
  private static final String FIXTURE = "workflows/gui-exported/sdxl-text-to-image.json";
  private static final String ORIGINAL_KEY = "914b2e5a-b8d3-4da1-965f-b3775bbc5745";

  /** As another server would list them: same name as the fixture's model under another key, and a second SDXL model. */
  private static final ModelRecord SAME_NAME = ModelRecord.builder()
      .key(ModelKey.of("invoke4j-e2e-recorded-juggernaut"))
      .hash("blake3:1111111111111111111111111111111111111111111111111111111111111111")
      .name("juggernautXL_v9Rundiffusionphoto2").base("sdxl").type("main").format("checkpoint")
      .description("recorded from another server").build();
  private static final ModelRecord OTHER_SDXL = ModelRecord.builder()
      .key(ModelKey.of("invoke4j-e2e-recorded-another-sdxl"))
      .hash("blake3:2222222222222222222222222222222222222222222222222222222222222222")
      .name("Another SDXL").base("sdxl").type("main").format("diffusers").build();
  private static final ModelRecord SD1_VAE = ModelRecord.builder()
      .key(ModelKey.of("invoke4j-e2e-recorded-sd1-vae"))
      .hash("blake3:3333333333333333333333333333333333333333333333333333333333333333")
      .name("a sd-1 vae").base("sd-1").type("vae").format("diffusers").build();

  private final List<LiveClient> clients = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    clients.forEach(LiveClient::close);
  }

  @Test
  void findsNothingInTheServersEmptyModelList() {
    LiveClient live = track(new LiveClient());
    InvokeAIClient client = live.client;
    assertThat(client.models().list(Optional.empty(), Optional.empty())).isEmpty();
    WorkflowHandle wf = client.workflowRepo().createWorkflow(WorkflowDefinition.fromFile(Fixtures.file(FIXTURE)));
    FieldValue before = wf.getInputValue(0);

    UnresolvedModelException unresolved = org.junit.jupiter.api.Assertions.assertThrows(
        UnresolvedModelException.class, () -> wf.syncDnnModel(true, true));
    assertThat(unresolved).hasMessageContaining("juggernautXL_v9Rundiffusionphoto2").hasMessageContaining("sdxl");
    assertThatThrownBy(() -> wf.syncDnnModel(false, false)).isInstanceOf(UnresolvedModelException.class);
    assertThat(wf.getInputValue(0)).as("nothing changed").isEqualTo(before);
    System.out.printf("sync against the server's empty model list: %s%n", unresolved.getMessage());
  }

  @Test
  void resolvesAgainstARecordedModelListAndTheServerReportsTheUnknownModel() {
    LiveClient real = track(new LiveClient());
    LiveClient live = track(new LiveClient(InvokeAIClient.builder().baseUrl(LiveClient.url())
        .modelGateway(recorded(List.of(SD1_VAE, OTHER_SDXL, SAME_NAME), real.client.models())).build()));
    InvokeAIClient client = live.client;
    assertThat(client.models().list(Optional.of("sdxl"), Optional.of("main"))).hasSize(2);

    // by base only: the first SDXL main model by name
    WorkflowHandle byBase = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(Fixtures.file(FIXTURE)));
    List<ModelSync> baseChanges = byBase.syncDnnModel(false, true);
    assertThat(baseChanges).singleElement().satisfies(change -> {
      assertThat(change.model()).isEqualTo(OTHER_SDXL);
      assertThat(change.strategy()).isEqualTo(ModelSync.Strategy.BASE);
    });
    // neither by name nor by base: the recorded keys and hashes differ from the fixture's
    WorkflowHandle exactOnly = client.workflowRepo().createWorkflow(
        WorkflowDefinition.fromFile(Fixtures.file(FIXTURE)));
    assertThatThrownBy(() -> exactOnly.syncDnnModel(false, false)).isInstanceOf(UnresolvedModelException.class);

    // by name (first) and base: the model of the same name wins
    WorkflowHandle wf = client.workflowRepo().createWorkflow(WorkflowDefinition.fromFile(Fixtures.file(FIXTURE)));
    List<ModelSync> changes = wf.syncDnnModel(true, true);
    assertThat(changes).hasSize(1);
    ModelSync change = changes.get(0);
    assertThat(change.fieldName()).isEqualTo("model");
    assertThat(change.inputIndex()).contains(0);
    assertThat(change.nodeId()).isEqualTo(wf.getInput(0).nodeId());
    assertThat(change.original().path("key").asText()).isEqualTo(ORIGINAL_KEY);
    assertThat(change.resolved().toJson().path("key").asText()).isEqualTo(SAME_NAME.key().value());
    assertThat(change.resolved().toJson().path("hash").asText()).isEqualTo(SAME_NAME.hash().orElseThrow());
    assertThat(change.model()).isEqualTo(SAME_NAME);
    assertThat(change.strategy()).isEqualTo(ModelSync.Strategy.NAME);
    assertThat(wf.getInputValue(0).toJson().path("key").asText()).isEqualTo(SAME_NAME.key().value());
    // synced again: already exact, nothing changes
    assertThat(wf.syncDnnModel(true, true)).isEmpty();

    JsonNode loader = wf.preview().graph().nodes().path(change.nodeId());
    assertThat(loader.path("type").asText()).isEqualTo("sdxl_model_loader");
    assertThat(loader.path("model").path("key").asText()).isEqualTo(SAME_NAME.key().value());
    assertThat(loader.path("model").path("name").asText()).isEqualTo(SAME_NAME.name());

    // the server accepts the request (the identifier is well formed) and fails the item when it runs
    Submission submission = wf.submitSync();
    live.items(submission.itemIds());
    assertThat(submission.itemIds()).hasSize(1);
    List<JobUpdate> updates = new ArrayList<>();
    QueueItem done = wf.waitForCompletionSync(Duration.ofMillis(500), TIMEOUT, updates::add);
    assertThat(done.status()).isEqualTo(QueueItemStatus.FAILED);
    // InvokeAI 6.14 raises a bare Exception("Unknown model: <key>") from the model manager
    assertThat(done.errorType()).isPresent();
    assertThat(done.errorMessage()).contains("Unknown model: " + SAME_NAME.key().value());
    assertThat(updates).filteredOn(JobUpdate.StatusChange.class::isInstance)
        .map(u -> (JobUpdate.StatusChange) u).last().satisfies(last -> {
          assertThat(last.status()).isEqualTo(QueueItemStatus.FAILED);
          assertThat(last.errorMessage()).isPresent();
        });
    System.out.printf("sync against a recorded model list: %s -> %s (%s); item %d %s: %s: %s%n",
        change.original().path("key").asText(), change.resolved().toJson().path("key").asText(), change.strategy(),
        done.itemId().value(), done.status().wire(), done.errorType().orElse("?"), done.errorMessage().orElse("?"));
  }

  private LiveClient track(LiveClient live) {
    clients.add(live);
    return live;
  }

  /**
   * A model gateway answering {@code list} and {@code find} from a fixed list, as a real server with
   * these models installed would; any other method goes to {@code real} (a proxy, so the test keeps
   * compiling when the port grows).
   */
  @SuppressWarnings("unchecked")
  private static ModelGateway recorded(List<ModelRecord> models, ModelGateway real) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("list") && method.getParameterCount() == 2) {
        Optional<String> base = (Optional<String>) args[0];
        Optional<String> type = (Optional<String>) args[1];
        return models.stream().filter(m -> base.map(m.base()::equals).orElse(true))
            .filter(m -> type.map(m.type()::equals).orElse(true)).toList();
      }
      if (method.getName().equals("find") && method.getParameterCount() == 1 && args[0] instanceof ModelKey key) {
        return models.stream().filter(m -> m.key().equals(key)).findFirst();
      }
      if (method.getName().equals("toString") && method.getParameterCount() == 0) {
        return "RecordedModels" + models.stream().map(ModelRecord::name).toList();
      }
      try {
        return method.invoke(method.getDeclaringClass() == Object.class ? this_(proxy) : real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (ModelGateway) Proxy.newProxyInstance(ModelGateway.class.getClassLoader(),
        new Class<?>[] {ModelGateway.class}, handler);
  }

  private static Object this_(Object proxy) {
    return new Object() {
      @Override
      public boolean equals(Object other) {
        return proxy == other;
      }

      @Override
      public int hashCode() {
        return System.identityHashCode(proxy);
      }
    };
  }
}
