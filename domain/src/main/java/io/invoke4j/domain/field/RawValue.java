package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** Any JSON value we do not type (or that does not fit its field's type), kept exactly as written. */
public record RawValue(JsonNode json) implements FieldValue {
  public RawValue {
    Objects.requireNonNull(json, "json == null");
    json = json.deepCopy();
  }

  @Override
  public JsonNode toJson() {
    return json;
  }
}
