package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A model identifier ({@code ModelIdentifierField}): {@code key, hash, name, base, type} and an
 * optional {@code submodel_type}. The whole JSON object is kept, so keys a newer InvokeAI adds are
 * not lost.
 */
public record ModelValue(JsonNode json) implements FieldValue {
  public ModelValue {
    Objects.requireNonNull(json, "json == null");
    if (!json.isObject()) {
      throw new IllegalArgumentException("expected a model identifier object, got " + json);
    }
    for (String key : new String[] {"key", "hash", "name", "base", "type"}) {
      if (!json.path(key).isTextual()) {
        throw new IllegalArgumentException("model identifier needs a string \"" + key + "\", got " + json);
      }
    }
    json = json.deepCopy();
  }

  public String key() {
    return json.get("key").asText();
  }

  public String hash() {
    return json.get("hash").asText();
  }

  public String name() {
    return json.get("name").asText();
  }

  public String base() {
    return json.get("base").asText();
  }

  public String type() {
    return json.get("type").asText();
  }

  /** The submodel type, empty when absent or null. */
  public Optional<String> submodelType() {
    JsonNode sub = json.path("submodel_type");
    return sub.isTextual() ? Optional.of(sub.asText()) : Optional.empty();
  }

  @Override
  public JsonNode toJson() {
    return json;
  }
}
