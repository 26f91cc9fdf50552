package io.invoke4j.adapter.memory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowRecord;
import io.invoke4j.ports.WorkflowLibrary;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The in-memory workflow library of a {@link MemoryInvokeAI}. Unlike the server it ships no
 * {@code default} workflows (InvokeAI's all need models).
 */
public final class FakeWorkflowLibrary implements WorkflowLibrary {
  private final MemoryInvokeAI server;

  FakeWorkflowLibrary(MemoryInvokeAI server) {
    this.server = server;
  }

  @Override
  public List<WorkflowRecord> list(List<String> categories) {
    synchronized (server.lock) {
      return server.workflows.values().stream()
          .filter(w -> categories.isEmpty() || categories.contains(w.category()))
          .sorted(Comparator.comparing(WorkflowRecord::name))
          .map(w -> WorkflowRecord.builder().from(w).workflow(Optional.empty()).build())
          .collect(Collectors.toList());
    }
  }

  @Override
  public Optional<WorkflowRecord> find(WorkflowId id) {
    synchronized (server.lock) {
      return Optional.ofNullable(server.workflows.get(id.value()));
    }
  }

  @Override
  public WorkflowRecord create(JsonNode workflow) {
    requireNonNull(workflow, "workflow == null");
    synchronized (server.lock) {
      String id = server.newId();
      WorkflowRecord record = record(id, workflow, server.now(), server.now());
      server.workflows.put(id, record);
      return record;
    }
  }

  @Override
  public WorkflowRecord update(WorkflowId id, JsonNode workflow) {
    requireNonNull(workflow, "workflow == null");
    synchronized (server.lock) {
      WorkflowRecord old = server.workflows.get(id.value());
      if (old == null) {
        throw new InvokeHttpException(404, "PATCH", "/api/v1/workflows/i/" + id.value(),
            "{\"detail\":\"Workflow not found\"}");
      }
      WorkflowRecord record = record(id.value(), workflow, old.createdAt().orElse(server.now()), server.now());
      server.workflows.put(id.value(), record);
      return record;
    }
  }

  @Override
  public void delete(WorkflowId id) {
    synchronized (server.lock) {
      if (server.workflows.remove(id.value()) == null) {
        throw new InvokeHttpException(404, "DELETE", "/api/v1/workflows/i/" + id.value(),
            "{\"detail\":\"Workflow not found\"}");
      }
    }
  }

  private static WorkflowRecord record(String id, JsonNode workflow, Instant created, Instant updated) {
    ObjectNode document = workflow.deepCopy();
    document.put("id", id);
    String description = document.path("description").asText("");
    return WorkflowRecord.builder()
        .id(WorkflowId.of(id))
        .name(document.path("name").asText(""))
        .category(document.path("meta").path("category").asText("user"))
        .description(description.isEmpty() ? Optional.empty() : Optional.of(description))
        .createdAt(created)
        .updatedAt(updated)
        .workflow(document)
        .build();
  }
}
