package io.invoke4j.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code AnyModelConfig} and {@code {"models": [...]}}. */
final class ModelMapper {
  private ModelMapper() {}

  static ModelRecord toModelRecord(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InvokeProtocolException("a model config must be a JSON object: " + Json.excerpt(json));
    }
    return ModelRecord.builder()
        .key(ModelKey.of(Json.requiredText(json, "key", "model config")))
        .hash(Json.text(json, "hash"))
        .name(Json.text(json, "name").orElse(""))
        .base(Json.text(json, "base").orElse("unknown"))
        .type(Json.text(json, "type").orElse("unknown"))
        .format(Json.text(json, "format"))
        .description(Json.text(json, "description"))
        .raw(json)
        .build();
  }

  static List<ModelRecord> toModelRecords(JsonNode json) {
    List<ModelRecord> models = new ArrayList<>();
    JsonNode list = Json.member(json, "models");
    if (list != null && list.isArray()) {
      list.forEach(node -> models.add(toModelRecord(node)));
    }
    return models;
  }
}
