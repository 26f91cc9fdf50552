package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowLibraryRepositoryTest {
  private final InvokeAIClient client = InvokeAIClient.inMemory();
  private final WorkflowRepository repo = client.workflowRepo();

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void savesListsGetsUpdatesAndDeletes() {
    WorkflowDefinition definition = QueueRepositoryTest.blankBlurSave();

    WorkflowRecord saved = repo.saveWorkflow(definition);

    assertThat(repo.listWorkflows(List.of("user"))).extracting(WorkflowRecord::id).contains(saved.id());
    assertThat(repo.searchWorkflows("BLANK-BLUR", List.of())).extracting(WorkflowRecord::id).contains(saved.id());
    WorkflowDefinition read = repo.getWorkflow(saved.id()).orElseThrow();
    assertThat(read.name()).isEqualTo(definition.name());
    assertThat(read.id()).contains(saved.id().value());

    WorkflowRecord again = repo.saveWorkflow(read);
    assertThat(again.id()).isEqualTo(saved.id());
    assertThat(repo.listWorkflows(List.of("user"))).hasSize(1);

    repo.deleteWorkflow(saved.id());
    assertThat(repo.getWorkflow(saved.id())).isEmpty();
  }

  @Test
  void runsASavedWorkflowFromItsId() {
    WorkflowRecord saved = repo.saveWorkflow(QueueRepositoryTest.blankBlurSave());

    WorkflowHandle handle = repo.createWorkflowFromLibrary(saved.id());
    handle.submitSync();
    QueueItem done = handle.waitForCompletionSync(Duration.ofSeconds(30));

    assertThat(done.status()).isEqualTo(QueueItemStatus.COMPLETED);
    assertThat(handle.mapOutputsToImages(done)).isNotEmpty();
  }

  @Test
  void unknownIdIsRefused() {
    assertThatThrownBy(() -> repo.createWorkflowFromLibrary(WorkflowId.of("nope")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(repo.getWorkflow(WorkflowId.of("nope"))).isEmpty();
  }
}
