package io.invoke4j.ports;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowRecord;
import java.util.List;
import java.util.Optional;

/**
 * The server's workflow library ({@code /api/v1/workflows}): saved workflows, InvokeAI's defaults
 * included.
 *
 * <p>Every method may throw {@link io.invoke4j.domain.InvokeHttpException} on an error status,
 * {@link io.invoke4j.domain.InvokeTransportException} when the server cannot be reached and
 * {@link io.invoke4j.domain.InvokeProtocolException} when its answer cannot be read.
 */
public interface WorkflowLibrary {
  /**
   * The saved workflows in {@code categories} ({@code user}, {@code default}: InvokeAI 6.14 has no other; all
   * when empty), without their documents; empty when there are none.
   */
  List<WorkflowRecord> list(List<String> categories);

  /** The workflow with its document; empty when there is no such workflow. */
  Optional<WorkflowRecord> find(WorkflowId id);

  /** Saves {@code workflow} (a GUI workflow document without {@code id}) as a new library entry. */
  WorkflowRecord create(JsonNode workflow);

  /**
   * Replaces the saved workflow {@code id} with {@code workflow}.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown id
   */
  WorkflowRecord update(WorkflowId id, JsonNode workflow);

  /** Deletes the saved workflow; deleting an unknown id is a 404. */
  void delete(WorkflowId id);
}
