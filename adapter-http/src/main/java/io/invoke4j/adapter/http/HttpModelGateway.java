package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeTransportException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.models.FoundModel;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.ModelCacheStats;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.ports.ModelGateway;
import java.util.List;
import java.util.Optional;

/**
 * {@link ModelGateway} over {@code /api/v2/models}: records, install jobs, cache and Hugging Face token.
 *
 * <p>Every method may throw {@link InvokeHttpException} on an error status, {@link
 * InvokeTransportException} when the server cannot be reached and {@link InvokeProtocolException}
 * when its answer cannot be read. Thread-safe.
 */
public final class HttpModelGateway implements ModelGateway {
  private static final String MODELS = "api/v2/models/";
  private static final String INSTALL = MODELS + "install";
  private static final String HF_LOGIN = MODELS + "hf_login";

  private final InvokeHttp http;

  /** A gateway over {@code http}'s server. */
  public HttpModelGateway(InvokeHttp http) {
    this.http = requireNonNull(http, "http == null");
  }

  /** {@inheritDoc} An unknown base or type is a 422 from the server. */
  @Override
  public List<ModelRecord> list(Optional<String> base, Optional<String> type) {
    requireNonNull(base, "base == null");
    requireNonNull(type, "type == null");
    InvokeHttp.Request request = http.get(MODELS);
    base.ifPresent(b -> request.query("base_models", b));
    type.ifPresent(t -> request.query("model_type", t));
    return ModelMapper.toModelRecords(request.sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<ModelRecord> find(ModelKey key) {
    requireNonNull(key, "key == null");
    return http.get(MODELS + "i/" + InvokeHttp.seg(key.value())).findJson()
        .map(ModelMapper::toModelRecord);
  }

  /**
   * {@inheritDoc} Sent with an empty {@code ModelRecordChanges} body ({@code {}}): the server wants a
   * body. Never repeated after a 502-504 (it would start a second job).
   */
  @Override
  public ModelInstallJob install(String source, boolean inplace) {
    requireNonNull(source, "source == null");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    return ModelMapper.toInstallJob(http.request("POST", INSTALL).query("source", source.strip())
        .query("inplace", inplace).json(http.mapper().createObjectNode()).sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public List<ModelInstallJob> installJobs() {
    return ModelMapper.toInstallJobs(http.get(INSTALL).sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<ModelInstallJob> findInstallJob(long id) {
    return http.get(INSTALL + "/" + id).findJson().map(ModelMapper::toInstallJob);
  }

  /** {@inheritDoc} */
  @Override
  public void cancelInstallJob(long id) {
    http.request("DELETE", INSTALL + "/" + id).send();
  }

  /** {@inheritDoc} Sent uncompressed: the answer is a 204 (see {@code InvokeHttp.Request#uncompressed}). */
  @Override
  public void pruneInstallJobs() {
    http.request("DELETE", INSTALL).uncompressed().send();
  }

  /** {@inheritDoc} Sent uncompressed: the answer is a 204 (see {@code InvokeHttp.Request#uncompressed}). */
  @Override
  public void delete(ModelKey key) {
    requireNonNull(key, "key == null");
    http.request("DELETE", MODELS + "i/" + InvokeHttp.seg(key.value())).uncompressed().send();
  }

  /** {@inheritDoc} Not repeated after a 502-504: a second conversion would answer 409. */
  @Override
  public ModelRecord convert(ModelKey key) {
    requireNonNull(key, "key == null");
    return ModelMapper.toModelRecord(http.request("PUT", MODELS + "convert/" + InvokeHttp.seg(key.value()))
        .notIdempotent().sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public List<FoundModel> scanFolder(String folder) {
    requireNonNull(folder, "folder == null");
    return ModelMapper.toFoundModels(http.get(MODELS + "scan_folder").query("scan_path", folder).sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public void emptyModelCache() {
    http.request("POST", MODELS + "empty_model_cache").readOnly().send();
  }

  /** {@inheritDoc} */
  @Override
  public Optional<ModelCacheStats> cacheStats() {
    return http.get(MODELS + "stats").findJson().map(ModelMapper::toCacheStats);
  }

  /** {@inheritDoc} */
  @Override
  public HfTokenStatus hfTokenStatus() {
    return ModelMapper.toHfTokenStatus(http.get(HF_LOGIN).sendJson());
  }

  /** {@inheritDoc} The token is sent in the body, never logged. */
  @Override
  public HfTokenStatus hfLogin(String token) {
    requireNonNull(token, "token == null");
    ObjectNode body = http.mapper().createObjectNode().put("token", token);
    return ModelMapper.toHfTokenStatus(http.request("POST", HF_LOGIN).json(body).readOnly().sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public HfTokenStatus hfLogout() {
    JsonNode json = http.request("DELETE", HF_LOGIN).sendJson();
    return ModelMapper.toHfTokenStatus(json);
  }
}
