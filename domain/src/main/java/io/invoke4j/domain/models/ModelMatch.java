package io.invoke4j.domain.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeStyle;
import java.util.List;
import org.immutables.value.Value;

/** The installed model chosen for a workflow's model field, and how it was chosen. */
@Value.Immutable
@InvokeStyle
public interface ModelMatch {
  /** The installed model config as listed by {@code GET /api/v2/models}. */
  JsonNode config();

  /** The rule that matched. */
  MatchKind kind();

  /**
   * Other installed models that matched with the same rule; when not empty the choice was ambiguous
   * and {@link #config()} is the first in listing order (as the server's {@code get_by_attrs}).
   */
  List<JsonNode> alsoMatched();

  /** Whether several installed models matched with the same rule. */
  default boolean ambiguous() {
    return !alsoMatched().isEmpty();
  }

  /**
   * The workflow's model field value pointing at the chosen model: {@code key, hash, name, base,
   * type} from the installed config, {@code submodel_type} kept from {@code original} when present.
   */
  default ObjectNode toIdentifier(JsonNode original) {
    ObjectNode identifier = JsonNodeFactory.instance.objectNode();
    for (String key : List.of("key", "hash", "name", "base", "type")) {
      JsonNode value = config().get(key);
      if (value != null) {
        identifier.set(key, value.deepCopy());
      }
    }
    JsonNode submodel = original == null ? null : original.get("submodel_type");
    if (submodel != null && !submodel.isNull()) {
      identifier.set("submodel_type", submodel.deepCopy());
    }
    return identifier;
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ModelMatch}. */
  final class Builder extends ImmutableModelMatch.Builder {}
}
