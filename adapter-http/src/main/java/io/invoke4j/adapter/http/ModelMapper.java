package io.invoke4j.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.models.FoundModel;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.InstallStatus;
import io.invoke4j.domain.models.ModelCacheStats;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code AnyModelConfig}, {@code {"models": [...]}}, install jobs and the model manager's small answers. */
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

  static ModelInstallJob toInstallJob(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InvokeProtocolException("a model install job must be a JSON object: " + Json.excerpt(json));
    }
    String statusText = Json.text(json, "status").orElse("unknown");
    JsonNode source = Json.member(json, "source");
    JsonNode configOut = Json.member(json, "config_out");
    return ModelInstallJob.builder()
        .id(Json.requiredLong(json, "id", "model install job"))
        .status(InstallStatus.fromWire(statusText))
        .statusText(statusText)
        .source(sourceText(source))
        .sourceType(source != null && source.isObject() ? Json.text(source, "type").orElse("unknown") : "unknown")
        .localPath(Json.text(json, "local_path"))
        .bytes(Json.longValue(json, "bytes"))
        .totalBytes(Json.longValue(json, "total_bytes"))
        .errorReason(Json.text(json, "error_reason"))
        .error(Json.text(json, "error"))
        .errorTraceback(Json.text(json, "error_traceback"))
        .installed(configOut != null && configOut.isObject() && configOut.hasNonNull("key")
            ? java.util.Optional.of(toModelRecord(configOut)) : java.util.Optional.empty())
        .raw(json)
        .build();
  }

  /** The source as a user gave it: the path, the URL, or the repo id with variant and subfolder. */
  static String sourceText(JsonNode source) {
    if (source == null || source.isNull()) {
      return "";
    }
    if (source.isTextual()) {
      return source.asText();
    }
    if (Json.text(source, "path").isPresent()) {
      return Json.text(source, "path").get();
    }
    if (Json.text(source, "url").isPresent()) {
      return Json.text(source, "url").get();
    }
    if (Json.text(source, "repo_id").isPresent()) {
      StringBuilder text = new StringBuilder(Json.text(source, "repo_id").get());
      Json.text(source, "variant").ifPresent(v -> text.append(':').append(v));
      Json.text(source, "subfolder").ifPresent(f -> text.append("::").append(f));
      return text.toString();
    }
    return source.toString();
  }

  static List<ModelInstallJob> toInstallJobs(JsonNode json) {
    List<ModelInstallJob> jobs = new ArrayList<>();
    if (json != null && json.isArray()) {
      json.forEach(node -> jobs.add(toInstallJob(node)));
    }
    return jobs;
  }

  static List<FoundModel> toFoundModels(JsonNode json) {
    List<FoundModel> found = new ArrayList<>();
    if (json != null && json.isArray()) {
      json.forEach(node -> found.add(FoundModel.builder()
          .path(Json.requiredText(node, "path", "found model"))
          .installed(Json.bool(node, "is_installed"))
          .build()));
    }
    return found;
  }

  static ModelCacheStats toCacheStats(JsonNode json) {
    if (!json.isObject()) {
      throw new InvokeProtocolException("model cache stats must be a JSON object: " + Json.excerpt(json));
    }
    Map<String, Long> sizes = new LinkedHashMap<>();
    JsonNode loaded = Json.member(json, "loaded_model_sizes");
    if (loaded != null && loaded.isObject()) {
      loaded.fields().forEachRemaining(e -> sizes.put(e.getKey(), e.getValue().asLong()));
    }
    return ModelCacheStats.builder()
        .hits(Json.longValue(json, "hits"))
        .misses(Json.longValue(json, "misses"))
        .highWatermark(Json.longValue(json, "high_watermark"))
        .inCache(Json.longValue(json, "in_cache"))
        .cleared(Json.longValue(json, "cleared"))
        .cacheSize(Json.longValue(json, "cache_size"))
        .loadedModelSizes(sizes)
        .build();
  }

  /** The server answers a bare JSON string ({@code "valid"}, {@code "invalid"}, {@code "unknown"}). */
  static HfTokenStatus toHfTokenStatus(JsonNode json) {
    if (!json.isTextual()) {
      throw new InvokeProtocolException("a Hugging Face token status must be a JSON string: " + Json.excerpt(json));
    }
    return HfTokenStatus.fromWire(json.asText());
  }
}
