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
  /** The installed model chosen. */
  ModelRecord model();

  /** The rule that matched. */
  MatchKind kind();

  /**
   * Other installed models that matched with the same rule; when not empty the choice was ambiguous
   * and {@link #model()} is the first in listing order (as the server's {@code get_by_attrs}).
   */
  List<ModelRecord> alsoMatched();

  /** Whether several installed models matched with the same rule. */
  default boolean ambiguous() {
    return !alsoMatched().isEmpty();
  }

  /**
   * The workflow's model field value pointing at the chosen model: {@code key, hash, name, base,
   * type} from the installed model, {@code submodel_type} kept from {@code original} when present.
   */
  default ObjectNode toIdentifier(JsonNode original) {
    ObjectNode identifier = JsonNodeFactory.instance.objectNode();
    identifier.put("key", model().key().value());
    model().hash().ifPresent(hash -> identifier.put("hash", hash));
    identifier.put("name", model().name());
    identifier.put("base", model().base());
    identifier.put("type", model().type());
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
