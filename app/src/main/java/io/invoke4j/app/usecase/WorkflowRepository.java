package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.field.FieldTyper;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowRecord;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ModelGateway;
import io.invoke4j.ports.QueueGateway;
import io.invoke4j.ports.ServerGateway;
import io.invoke4j.ports.VideoGateway;
import io.invoke4j.ports.WorkflowLibrary;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Makes {@link WorkflowHandle}s: a workflow bound to a server, ready to set inputs and submit (the
 * Python client's {@code WorkflowRepository}); and the server's workflow library: list, get, save and
 * delete saved workflows, and {@link #createWorkflowFromLibrary(WorkflowId)}.
 *
 * <p>Usually reached through {@code InvokeAIClient.workflowRepo()}; it can also be built over any
 * ports (e.g. fakes in a test).
 */
public final class WorkflowRepository {
  private final WorkflowHandle.Services services;
  private final Optional<WorkflowLibrary> library;
  /** Set once, by the constructor that takes it; board references are checked on load only with it. */
  private Optional<BoardGateway> boards = Optional.empty();
  /** Set once, by the constructor that takes it; video references are checked on load only with it. */
  private Optional<VideoGateway> videos = Optional.empty();

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
    this.library = Optional.empty();
  }

  /**
   * A repository over these ports, with the server's workflow {@code library} for the library
   * methods ({@link #listWorkflows}, {@link #getWorkflow}, {@link #saveWorkflow}…).
   *
   * @param server read once, on the first {@link WorkflowHandle#validateInputs()}, for the node
   *     templates
   * @param waitExecutor runs the asynchronous waits
   */
  public WorkflowRepository(QueueGateway queue, ImageGateway images, ModelGateway models, ServerGateway server,
      EventStream events, WorkflowLibrary library, Executor waitExecutor) {
    requireNonNull(server, "server == null");
    this.services = new WorkflowHandle.Services(requireNonNull(queue, "queue == null"),
        requireNonNull(images, "images == null"), requireNonNull(models, "models == null"),
        new ServerTemplates(server), requireNonNull(events, "events == null"),
        requireNonNull(waitExecutor, "waitExecutor == null"));
    this.library = Optional.of(requireNonNull(library, "library == null"));
  }

  /**
   * A repository over these ports, with the server's workflow {@code library} and its {@code boards},
   * so that {@link #loadWorkflow(WorkflowDefinition)} checks every reference the GUI checks.
   *
   * @param waitExecutor runs the asynchronous waits
   */
  public WorkflowRepository(QueueGateway queue, ImageGateway images, ModelGateway models, ServerGateway server,
      EventStream events, WorkflowLibrary library, BoardGateway boards, Executor waitExecutor) {
    this(queue, images, models, server, events, library, waitExecutor);
    this.boards = Optional.of(requireNonNull(boards, "boards == null"));
  }

  /**
   * A repository over these ports, with the server's workflow {@code library}, {@code boards} and
   * {@code videos}, so that {@link #loadWorkflow(WorkflowDefinition)} checks video references too.
   *
   * @param waitExecutor runs the asynchronous waits
   */
  public WorkflowRepository(QueueGateway queue, ImageGateway images, ModelGateway models, ServerGateway server,
      EventStream events, WorkflowLibrary library, BoardGateway boards, VideoGateway videos, Executor waitExecutor) {
    this(queue, images, models, server, events, library, boards, waitExecutor);
    this.videos = Optional.of(requireNonNull(videos, "videos == null"));
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

  /**
   * A new handle for {@code definition} loaded as the GUI loads it from this server ({@link
   * WorkflowLoader}): the server's templates update outdated nodes and remove the edges they refuse,
   * {@code call_saved_workflow} inputs are refreshed from the library, and images, videos, boards and
   * models the server does not have are reset. Every change is in {@link WorkflowHandle#loadWarnings()};
   * a reset required input is then reported by {@link WorkflowHandle#validateInputs()}, and refused
   * by {@link WorkflowHandle#submit()} before anything is enqueued.
   *
   * @throws io.invoke4j.domain.InvokeException when the server cannot be asked
   */
  public WorkflowHandle loadWorkflow(WorkflowDefinition definition) {
    requireNonNull(definition, "definition == null");
    WorkflowLoader loader = new WorkflowLoader(services.templates(), services.images(), boards, services.models(),
        library, videos);
    return new WorkflowHandle(services, loader.load(definition));
  }

  // ---- the server's workflow library

  /** Every saved workflow, InvokeAI's {@code default} ones included, without their documents. */
  public List<WorkflowRecord> listWorkflows() {
    return library().list(List.of());
  }

  /**
   * The saved workflows in {@code categories} ({@code user}, {@code default}; all when empty),
   * without their documents.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 422 for a category the server does not know
   */
  public List<WorkflowRecord> listWorkflows(List<String> categories) {
    return library().list(requireNonNull(categories, "categories == null"));
  }

  /**
   * The saved workflows in {@code categories} (all when empty) whose name or description contains
   * {@code text}, ignoring case.
   */
  public List<WorkflowRecord> searchWorkflows(String text, List<String> categories) {
    requireNonNull(text, "text == null");
    String wanted = text.toLowerCase(Locale.ROOT);
    return listWorkflows(categories).stream()
        .filter(r -> r.name().toLowerCase(Locale.ROOT).contains(wanted)
            || r.description().map(d -> d.toLowerCase(Locale.ROOT).contains(wanted)).orElse(false))
        .toList();
  }

  /** The saved workflow with its document and listing attributes; empty when there is no such id. */
  public Optional<WorkflowRecord> getWorkflowRecord(WorkflowId id) {
    return library().find(requireNonNull(id, "id == null"));
  }

  /**
   * The saved workflow {@code id} as a definition (offline typing; {@link #createWorkflowFromLibrary}
   * types it with the server's templates); empty when there is no such id.
   *
   * @throws io.invoke4j.domain.workflow.WorkflowFormatException when the saved document is not a
   *     workflow invoke4j can read
   */
  public Optional<WorkflowDefinition> getWorkflow(WorkflowId id) {
    return getWorkflowRecord(id).flatMap(WorkflowRecord::workflow).map(WorkflowDefinition::fromJsonNode);
  }

  /**
   * Saves {@code definition} in the library: updates the saved workflow with the definition's
   * {@code id} when the library has it as a {@code user} workflow, else creates a new entry (so
   * saving one of InvokeAI's read-only {@code default} workflows saves a copy).
   *
   * @return the saved record; its {@link WorkflowRecord#id()} is the id to run it by
   */
  public WorkflowRecord saveWorkflow(WorkflowDefinition definition) {
    requireNonNull(definition, "definition == null");
    Optional<WorkflowRecord> existing = definition.id().filter(id -> !id.isBlank())
        .flatMap(id -> library().find(WorkflowId.of(id)))
        .filter(r -> !r.category().equals("default"));
    return existing.isPresent()
        ? library().update(existing.get().id(), definition.json())
        : library().create(definition.json());
  }

  /**
   * Deletes the saved workflow.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown id; 500 (6.14.2) for a
   *     {@code default} workflow, which cannot be deleted
   */
  public void deleteWorkflow(WorkflowId id) {
    library().delete(requireNonNull(id, "id == null"));
  }

  /**
   * A new handle for the saved workflow {@code id}, typed with the server's templates as in
   * {@link #createWorkflow(WorkflowDefinition)}.
   *
   * @throws IllegalArgumentException when the library has no such workflow
   */
  public WorkflowHandle createWorkflowFromLibrary(WorkflowId id) {
    WorkflowDefinition definition = getWorkflow(id)
        .orElseThrow(() -> new IllegalArgumentException("no saved workflow " + id.value()));
    return createWorkflow(definition);
  }

  /**
   * The workflow embedded in an image (invoke4j and the GUI embed the workflow they ran) as a
   * definition; empty when the image has none or there is no such image.
   */
  public Optional<WorkflowDefinition> workflowFromImage(ImageName name) {
    requireNonNull(name, "name == null");
    return services.images().workflow(name).map(WorkflowDefinition::fromJsonNode);
  }

  private WorkflowLibrary library() {
    return library.orElseThrow(() -> new IllegalStateException(
        "this WorkflowRepository was built without a WorkflowLibrary; use the constructor that takes one"));
  }
}
