package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.field.FieldTyper;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ModelGateway;
import io.invoke4j.ports.QueueGateway;
import io.invoke4j.ports.ServerGateway;
import java.util.concurrent.Executor;

/**
 * Makes {@link WorkflowHandle}s: a workflow bound to a server, ready to set inputs and submit (the
 * Python client's {@code WorkflowRepository}). Reading and saving the server's workflow library
 * comes in a later version.
 *
 * <p>Usually reached through {@code InvokeAIClient.workflowRepo()}; it can also be built over any
 * ports (e.g. fakes in a test).
 */
public final class WorkflowRepository {
  private final WorkflowHandle.Services services;

  /**
   * A repository over these ports.
   *
   * @param server read once, on the first {@link WorkflowHandle#validateInputs()}, for the node
   *     templates that bound values (min/max, options, lengths)
   * @param waitExecutor runs the asynchronous waits ({@link WorkflowHandle#submit()}, sweeps); each
   *     wait occupies one thread until its items finish or time out
   */
  public WorkflowRepository(QueueGateway queue, ImageGateway images, ModelGateway models, ServerGateway server,
      EventStream events, Executor waitExecutor) {
    requireNonNull(server, "server == null");
    this.services = new WorkflowHandle.Services(requireNonNull(queue, "queue == null"),
        requireNonNull(images, "images == null"), requireNonNull(models, "models == null"),
        new ServerTemplates(server), requireNonNull(events, "events == null"),
        requireNonNull(waitExecutor, "waitExecutor == null"));
  }

  /**
   * A new handle for {@code definition}, with the values the definition carries. Handles are
   * independent: values set on one do not reach another.
   *
   * <p>The handle types the workflow's fields with the server's own node templates (read from its
   * OpenAPI schema once per repository), falling back to the offline rules for nodes the server
   * does not know: so inputs get the server's types (video fields included), enum options,
   * required flags and the GUI's labels (a field's label, else its template title). A definition
   * typed with a custom {@link FieldTyper} is re-typed the same way; use {@link
   * #createWorkflow(WorkflowDefinition, boolean)} with {@code false} to keep its typing.
   *
   * @throws io.invoke4j.domain.InvokeException when the server's schema cannot be read
   */
  public WorkflowHandle createWorkflow(WorkflowDefinition definition) {
    return createWorkflow(definition, true);
  }

  /**
   * A new handle for {@code definition}; with {@code typeFromServer} its fields are typed by the
   * server's node templates as in {@link #createWorkflow(WorkflowDefinition)}, else the definition
   * is used exactly as given (no server call).
   *
   * @throws io.invoke4j.domain.InvokeException when {@code typeFromServer} and the server's schema
   *     cannot be read
   */
  public WorkflowHandle createWorkflow(WorkflowDefinition definition, boolean typeFromServer) {
    requireNonNull(definition, "definition == null");
    WorkflowDefinition typed = typeFromServer
        ? definition.withTyper(FieldTyper.withTemplates(services.templates().get()))
        : definition;
    return new WorkflowHandle(services, typed);
  }
}
