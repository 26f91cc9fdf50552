package io.invoke4j.e2e.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.OutputMapping;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.app.usecase.WorkflowRepository;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code client.workflowRepo()}'s library methods on the real single-user server, and the round trip
 * of an image's embedded workflow; what a test makes is deleted.
 */
class WorkflowLibraryIT {
  private final InvokeAIClient client = Servers.singleUser();
  private final WorkflowRepository repo = client.workflowRepo();
  private final List<WorkflowId> saved = new ArrayList<>();
  private final List<QueueItemId> items = new ArrayList<>();
  private final List<ImageName> images = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    try {
      for (WorkflowId id : saved) {
        if (repo.getWorkflowRecord(id).isPresent()) {
          repo.deleteWorkflow(id);
        }
      }
      for (QueueItemId id : items) {
        client.queue().find(id).ifPresent(item -> {
          item.results().values().forEach(r -> {
            String name = r.path("image").path("image_name").asText("");
            if (!name.isEmpty()) {
              client.images().delete(ImageName.of(name));
            }
          });
          client.queue().delete(id);
        });
      }
      images.forEach(client.images()::delete);
    } finally {
      client.close();
    }
  }

  private WorkflowDefinition renamed(WorkflowDefinition definition, String name) {
    com.fasterxml.jackson.databind.node.ObjectNode json = definition.json().deepCopy();
    json.put("name", name);
    json.remove("id");
    return WorkflowDefinition.fromJsonNode(json);
  }

  @Test
  void savesListsGetsUpdatesAndDeletes() {
    String name = Servers.unique("library");
    WorkflowRecord created = repo.saveWorkflow(renamed(Servers.example("blank-blur-save.json"), name));
    saved.add(created.id());

    assertThat(created.category()).isEqualTo("user");
    assertThat(repo.listWorkflows(List.of("user"))).extracting(WorkflowRecord::id).contains(created.id());
    assertThat(repo.listWorkflows()).extracting(WorkflowRecord::category).contains("default", "user");
    assertThat(repo.listWorkflows(List.of("default"))).isNotEmpty()
        .allSatisfy(r -> assertThat(r.id().value()).startsWith("default_"));
    assertThat(repo.searchWorkflows(name.toUpperCase(java.util.Locale.ROOT), List.of()))
        .extracting(WorkflowRecord::id).containsExactly(created.id());

    WorkflowDefinition read = repo.getWorkflow(created.id()).orElseThrow();
    assertThat(read.name()).isEqualTo(name);
    assertThat(read.id()).contains(created.id().value());
    assertThat(read.nodes()).hasSize(4);

    WorkflowRecord updated = repo.saveWorkflow(renamed(read, name + "-v2").withValue(0, 48));
    // a document without id is a new entry; with the saved id it updates that entry
    saved.add(updated.id());
    WorkflowRecord again = repo.saveWorkflow(repo.getWorkflow(updated.id()).orElseThrow());
    assertThat(again.id()).isEqualTo(updated.id());

    repo.deleteWorkflow(created.id());
    assertThat(repo.getWorkflow(created.id())).isEmpty();
  }

  @Test
  void defaultWorkflowIsReadAndSavedAsACopy() {
    WorkflowRecord someDefault = repo.listWorkflows(List.of("default")).get(0);

    WorkflowRecord full = repo.getWorkflowRecord(someDefault.id()).orElseThrow();

    assertThat(full.workflow()).isPresent();
    assertThat(full.category()).isEqualTo("default");
  }

  @Test
  void runsASavedWorkflowFromItsIdAndReadsItBackFromTheImage() {
    WorkflowRecord created = repo.saveWorkflow(renamed(Servers.example("blank-blur-save.json"),
        Servers.unique("run-from-library")));
    saved.add(created.id());

    WorkflowHandle handle = repo.createWorkflowFromLibrary(created.id());
    handle.setInputValue(0, 40);
    handle.setInputValue(1, 24);
    items.addAll(handle.submitSync().itemIds());
    QueueItem done = handle.waitForCompletionSync(Servers.TIMEOUT);

    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    List<ImageName> outputs = handle.mapOutputsToImages(done).stream()
        .flatMap(m -> m.imageNames().stream()).toList();
    assertThat(outputs).isNotEmpty();
    images.addAll(outputs);
    ImageName output = outputs.get(0);

    // the image carries the workflow invoke4j ran, and its generation metadata
    WorkflowDefinition embedded = repo.workflowFromImage(output).orElseThrow();
    assertThat(embedded.name()).isEqualTo(handle.definition().name());
    assertThat(embedded.nodes()).extracting(n -> n.id())
        .containsExactlyElementsOf(handle.definition().nodes().stream().map(n -> n.id()).toList());
    assertThat(embedded.input(0).value().toString()).contains("40");
    assertThat(client.images().find(output)).hasValueSatisfying(i -> assertThat(i.hasWorkflow()).isTrue());
    WorkflowHandle rerun = repo.createWorkflow(embedded);
    assertThat(rerun.definition().inputs()).hasSameSizeAs(handle.definition().inputs());
    // the example has no metadata node, so its image has no generation metadata
    assertThat(client.boardRepo().uncategorizedBoard().imageMetadata(output)).isEmpty();
    assertThat(handle.mapOutputsToImages(done)).extracting(OutputMapping::nodeId).isNotEmpty();
  }
}
