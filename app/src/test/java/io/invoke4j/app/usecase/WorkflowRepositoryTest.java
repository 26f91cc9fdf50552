package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldTyper;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowRepositoryTest {
  /** Types every field as raw JSON: what a workflow typed without any knowledge of nodes looks like. */
  private static final FieldTyper KNOWS_NOTHING = ctx -> FieldType.RAW;

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final FakeEventStream events = new FakeEventStream(true);
  private final FakeServerGateway server = new FakeServerGateway();
  private final WorkflowRepository repo = new WorkflowRepository(new FakeQueueGateway(events),
      new FakeImageGateway(), FakeModelGateway.recorded(), server, events, executor);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static WorkflowDefinition untyped() {
    WorkflowDefinition loaded = Workflows.load(Workflows.BLANK);
    return WorkflowDefinition.fromJson(loaded.json().toString(), KNOWS_NOTHING);
  }

  @Test
  void typesInputsWithTheServersTemplatesReadOncePerRepository() {
    WorkflowDefinition definition = untyped();
    assertThat(definition.input(0).type()).isEqualTo(FieldType.RAW);

    WorkflowHandle first = repo.createWorkflow(definition);
    WorkflowHandle second = repo.createWorkflow(definition);

    WorkflowInput width = first.getInput(0);
    assertThat(width.type().kind()).isEqualTo(FieldType.Kind.INTEGER);
    assertThat(second.getInput(0).type().kind()).isEqualTo(FieldType.Kind.INTEGER);
    assertThat(server.schemaReads()).isEqualTo(1);
  }

  @Test
  void keepsTheDefinitionsOwnTypingWhenAsked() {
    WorkflowHandle handle = repo.createWorkflow(untyped(), false);

    assertThat(handle.getInput(0).type()).isEqualTo(FieldType.RAW);
    assertThat(server.schemaReads()).isZero();
  }
}
