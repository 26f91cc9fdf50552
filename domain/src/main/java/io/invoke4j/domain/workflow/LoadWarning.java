package io.invoke4j.domain.workflow;

import io.invoke4j.domain.InvokeStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One thing loading changed or could not check, as the GUI's {@code validateWorkflow.ts} reports it
 * when it opens a workflow: what happened, to which node, field or edge, and why. The file itself
 * is never modified; the loaded workflow (and the request built from it) is what changed.
 */
@Value.Immutable
@InvokeStyle
public abstract class LoadWarning {

  /** What happened. */
  public enum Kind {
    /** A schema 1.0.0, 2.0.0 or 3.0.0 workflow was migrated to 4.0.0, as the GUI migrates it. */
    SCHEMA_MIGRATED,
    /** The schema version is one the GUI does not know (it knows 1.0.0, 2.0.0, 3.0.0, 4.0.0). */
    UNKNOWN_SCHEMA_VERSION,
    /** An edge was removed: an end is missing, or the GUI's connection rules refuse it. */
    EDGE_REMOVED,
    /** A value on a connection-only (stateless) input was dropped: the GUI never keeps one. */
    VALUE_DROPPED,
    /** A node's version differed from its template's: fields were added, removed or moved. */
    NODE_UPDATED,
    /** A node's version differs from its template's and cannot be updated (another major version). */
    NODE_NOT_UPDATED,
    /** No template for the node's type: the server (or the built-in table) does not know it. */
    MISSING_NODE_TEMPLATE,
    /** An input of the node has no field template; it is not sent. */
    MISSING_FIELD_TEMPLATE,
    /** A form element or exposed field now names a renamed field (the node was updated). */
    FIELD_RENAMED,
    /** A form element or exposed field was dropped: its node or field does not exist. */
    FORM_FIELD_DROPPED,
    /** The form does not parse and was ignored (the GUI resets it to an empty form). */
    FORM_IGNORED,
    /** An image the workflow names is not accessible on the server; the value was reset. */
    IMAGE_RESET,
    /** A video the workflow names is not accessible on the server; the value was reset. */
    VIDEO_RESET,
    /** A board the workflow names does not exist on the server; the value was reset. */
    BOARD_RESET,
    /** A model the workflow names is not installed on the server; the value was reset. */
    MODEL_RESET,
    /** A saved workflow a {@code call_saved_workflow} node calls could not be retrieved. */
    SAVED_WORKFLOW_UNAVAILABLE,
    /** A {@code call_saved_workflow} node's inputs were refreshed from the saved workflow. */
    DYNAMIC_INPUTS_REFRESHED
  }

  /** What happened. */
  public abstract Kind kind();

  /** The node concerned; empty for workflow-wide warnings and edges. */
  public abstract Optional<String> nodeId();

  /** The input field concerned (or, for an edge, its target field). */
  public abstract Optional<String> fieldName();

  /** The edge concerned: its id, or {@code source.handle->target.handle} when it has none. */
  public abstract Optional<String> edgeId();

  /** What happened and why, in words, e.g. {@code edge a.image->b.latents removed: field types must match}. */
  public abstract String message();

  /** A warning with only a kind and a message. */
  public static LoadWarning of(Kind kind, String message) {
    return builder().kind(kind).message(message).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a warning; kind and message are required. */
  public static final class Builder extends ImmutableLoadWarning.Builder {}

  @Override
  public String toString() {
    return kind() + ": " + message();
  }
}
