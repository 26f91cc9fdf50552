package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.InvokeStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A workflow saved in the server's library: its id and listing attributes, and (when fetched by id)
 * the workflow document itself.
 */
@Value.Immutable
@InvokeStyle
public interface WorkflowRecord {
  WorkflowId id();

  String name();

  /** {@code user} or {@code default} (InvokeAI 6.14 knows no other category). */
  String category();

  Optional<String> description();

  Optional<Instant> createdAt();

  Optional<Instant> updatedAt();

  /** The workflow document; present when the record was fetched by id or created. */
  Optional<JsonNode> workflow();

  /** The server's JSON; read-only by agreement. */
  @Value.Default
  @Value.Auxiliary
  default JsonNode raw() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WorkflowRecord}. */
  final class Builder extends ImmutableWorkflowRecord.Builder {}
}
