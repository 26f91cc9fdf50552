package io.invoke4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowRecord;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link WorkflowLibrary} shares with InvokeAI 6.14's workflow library. Each
 * test deletes the workflows it saved.
 */
public abstract class WorkflowLibraryContract {
  private static final WorkflowId UNKNOWN = WorkflowId.of("invoke4j-no-such-workflow");

  /** What the test made. */
  protected final Created created = new Created();

  /** The library under test. */
  protected abstract WorkflowLibrary workflows();

  /** Called after each test's clean-up: close what the subclass opened. */
  protected void afterContract() {}

  @AfterEach
  final void removeCreated() {
    try {
      created.removeAll(() -> {
        throw new IllegalStateException("no queue in the workflow contract");
      }, () -> {
        throw new IllegalStateException("no images in the workflow contract");
      }, () -> {
        throw new IllegalStateException("no boards in the workflow contract");
      }, this::workflows);
    } finally {
      afterContract();
    }
  }

  private static ObjectNode document(String name) {
    ObjectNode workflow = ContractRequests.addWorkflow().json().deepCopy();
    workflow.remove("id");
    workflow.put("name", name);
    return workflow;
  }

  private WorkflowRecord create(String name) {
    WorkflowRecord record = workflows().create(document(name));
    created.workflow(record.id());
    return record;
  }

  private static String name() {
    return "invoke4j-contract-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  public void createdWorkflowIsFoundWithItsDocument() {
    String name = name();
    WorkflowRecord record = create(name);

    assertThat(record.name()).isEqualTo(name);
    assertThat(record.category()).isEqualTo("user");
    WorkflowRecord found = workflows().find(record.id()).orElseThrow();
    assertThat(found.name()).isEqualTo(name);
    assertThat(found.workflow()).hasValueSatisfying(json -> {
      assertThat(json.path("name").asText()).isEqualTo(name);
      assertThat(json.path("id").asText()).isEqualTo(record.id().value());
      assertThat(json.path("nodes").size()).isEqualTo(2);
    });
  }

  @Test
  public void listOfUserWorkflowsHoldsTheNewOneWithoutItsDocument() {
    WorkflowRecord record = create(name());

    List<WorkflowRecord> listed = workflows().list(List.of("user"));

    assertThat(listed).extracting(WorkflowRecord::id).contains(record.id());
    assertThat(listed).extracting(WorkflowRecord::category).containsOnly("user");
    assertThat(listed).filteredOn(r -> r.id().equals(record.id())).singleElement()
        .satisfies(r -> assertThat(r.workflow()).isEmpty());
  }

  @Test
  public void updateReplacesTheDocument() {
    WorkflowRecord record = create(name());
    String renamed = name();
    ObjectNode changed = document(renamed);
    changed.put("description", "changed by the contract");

    WorkflowRecord updated = workflows().update(record.id(), changed);

    assertThat(updated.id()).isEqualTo(record.id());
    assertThat(updated.name()).isEqualTo(renamed);
    WorkflowRecord found = workflows().find(record.id()).orElseThrow();
    assertThat(found.name()).isEqualTo(renamed);
    assertThat(found.workflow().orElseThrow().path("description").asText()).isEqualTo("changed by the contract");
  }

  @Test
  public void deleteRemovesTheWorkflow() {
    WorkflowRecord record = create(name());

    workflows().delete(record.id());

    assertThat(workflows().find(record.id())).isEmpty();
    assertThat(workflows().list(List.of())).extracting(WorkflowRecord::id).doesNotContain(record.id());
  }

  @Test
  public void findOfAnUnknownWorkflowIsEmpty() {
    assertThat(workflows().find(UNKNOWN)).isEmpty();
  }

  @Test
  public void deleteOfAnUnknownWorkflowIs404() {
    assertThatThrownBy(() -> workflows().delete(UNKNOWN))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
  }
}
