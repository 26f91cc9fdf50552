package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a workflow and the values a person gives its form inputs into the queue request the GUI
 * would send. Shared by the command line and (later) the client facade, so both build requests the
 * same way.
 */
public final class WorkflowRequests {
  private WorkflowRequests() {}

  /**
   * Sets each value (by input index, as text parsed for the input's type) and builds the request.
   * Nothing is sent anywhere.
   *
   * @param textValues input index → value text, applied in ascending index order
   * @param runs how many times the server runs the whole batch (≥ 1)
   * @param autoAddBoard the board that board inputs set to {@code auto} go to; empty omits them
   * @throws IllegalArgumentException naming the input (index, label, node, field) when a value does
   *     not fit its input, or when {@code runs} is below 1
   */
  public static EnqueueRequest prepare(
      WorkflowDefinition workflow, Map<Integer, String> textValues, int runs, Optional<String> autoAddBoard) {
    requireNonNull(workflow, "workflow == null");
    requireNonNull(textValues, "textValues == null");
    requireNonNull(autoAddBoard, "autoAddBoard == null");
    WorkflowDefinition withValues = workflow;
    for (Map.Entry<Integer, String> entry : new TreeMap<>(textValues).entrySet()) {
      withValues = withValues.withValueText(entry.getKey(), entry.getValue());
    }
    EnqueueRequest.WorkflowRequest request = EnqueueRequest.forWorkflow(withValues).runs(runs);
    autoAddBoard.ifPresent(request::autoAddBoard);
    return request.build();
  }
}
