package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.models.FoundModel;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.ModelCacheStats;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.ModelGateway;
import java.util.List;
import java.util.Optional;

/**
 * The server's models, named as the Python client's {@code dnn_model_repo}: list and find installed
 * models, install new ones (a {@link ModelInstallJobHandle} per install), manage install jobs, delete
 * and convert models, scan a folder, the model cache and the Hugging Face token.
 *
 * <pre>{@code
 * ModelInstallJobHandle job = client.dnnModelRepo().installModel("/models/dreamshaper_8.safetensors");
 * job.waitUntilDone(Duration.ofMinutes(10));
 * ModelRecord installed = job.raiseIfFailed().installed().orElseThrow();
 * }</pre>
 *
 * <p>Reads are for any user; changes are admin-only on a multiuser server (403). Every method may
 * throw {@link io.invoke4j.domain.InvokeHttpException}, {@link io.invoke4j.domain.InvokeTransportException}
 * or {@link io.invoke4j.domain.InvokeProtocolException}. Thread-safe.
 */
public final class DnnModelRepository {
  private final ModelGateway models;
  private final Optional<EventStream> events;

  /** A repository over {@code models}; its install jobs wait by polling only. */
  public DnnModelRepository(ModelGateway models) {
    this.models = requireNonNull(models, "models == null");
    this.events = Optional.empty();
  }

  /**
   * A repository over {@code models} whose install jobs wait on the {@code model_install_*} events
   * of {@code events}, polling as a fallback.
   */
  public DnnModelRepository(ModelGateway models, EventStream events) {
    this.models = requireNonNull(models, "models == null");
    this.events = Optional.of(requireNonNull(events, "events == null"));
  }

  /** Every installed model. */
  public List<ModelRecord> listModels() {
    return models.list(Optional.empty(), Optional.empty());
  }

  /**
   * The installed models of {@code base} (e.g. {@code sdxl}) and {@code type} (e.g. {@code main});
   * a null-free way to leave one out is {@link #listModels()} or the {@link ModelGateway} itself.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 422 for a base or type the server does not know
   */
  public List<ModelRecord> listModels(String base, String type) {
    return models.list(Optional.of(requireNonNull(base, "base == null")), Optional.of(requireNonNull(type, "type == null")));
  }

  /** The installed models of {@code base}, any type. */
  public List<ModelRecord> listModelsOfBase(String base) {
    return models.list(Optional.of(requireNonNull(base, "base == null")), Optional.empty());
  }

  /** The installed models of {@code type}, any base. */
  public List<ModelRecord> listModelsOfType(String type) {
    return models.list(Optional.empty(), Optional.of(requireNonNull(type, "type == null")));
  }

  /** The model with {@code key}; empty when none is installed. */
  public Optional<ModelRecord> getModelByKey(ModelKey key) {
    return models.find(requireNonNull(key, "key == null"));
  }

  /** The first installed model named exactly {@code name}; empty when none is. */
  public Optional<ModelRecord> getModelByName(String name) {
    requireNonNull(name, "name == null");
    return listModels().stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /**
   * Starts installing the model at {@code source} (a path on the server's disk, copied into the
   * models folder; an {@code http(s)} URL; or a Hugging Face repo id {@code owner/name}, optionally
   * {@code :variant} and {@code ::subfolder}). A local file is installed at once (the answer may
   * still say running); remote sources download in the background: wait with
   * {@link ModelInstallJobHandle#waitUntilDone}.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 409 when it is installed already or the source
   *     cannot be parsed (e.g. a path that does not exist)
   */
  public ModelInstallJobHandle installModel(String source) {
    return installModel(source, false);
  }

  /**
   * As {@link #installModel(String)}; with {@code inplace} a local model is registered where it is
   * instead of copied.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 409 when it is installed already or the source
   *     cannot be parsed
   */
  public ModelInstallJobHandle installModel(String source, boolean inplace) {
    return new ModelInstallJobHandle(models, events, models.install(source, inplace));
  }

  /** A handle over an existing install job; empty when the server does not know it. */
  public Optional<ModelInstallJobHandle> getInstallJob(long id) {
    return models.findInstallJob(id).map(job -> new ModelInstallJobHandle(models, events, job));
  }

  /** Every install job the server remembers, oldest first. */
  public List<ModelInstallJob> listInstallJobs() {
    return models.installJobs();
  }

  /** Forgets the finished, failed and cancelled install jobs. */
  public void pruneInstallJobs() {
    models.pruneInstallJobs();
  }

  /**
   * Deletes the model (record, and files inside the models folder).
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown key, 409 while it is in use
   */
  public void deleteModel(ModelKey key) {
    models.delete(requireNonNull(key, "key == null"));
  }

  /**
   * Converts a checkpoint main model (SD 1, SD 2, SDXL) to diffusers and returns its new record
   * (its key and hash change).
   *
   * @throws io.invoke4j.domain.InvokeHttpException 400 for other models, 424 (sic) for an unknown key
   */
  public ModelRecord convertModel(ModelKey key) {
    return models.convert(requireNonNull(key, "key == null"));
  }

  /**
   * The model files and folders in {@code folder} on the server's disk, each saying whether it is
   * installed.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 400 when the folder cannot be scanned
   */
  public List<FoundModel> scanFolder(String folder) {
    return models.scanFolder(requireNonNull(folder, "folder == null"));
  }

  /** Drops every model from the model cache. */
  public void emptyModelCache() {
    models.emptyModelCache();
  }

  /** The model cache's statistics; empty when the server has none. */
  public Optional<ModelCacheStats> getStats() {
    return models.cacheStats();
  }

  /** Whether the server holds a valid Hugging Face token (admin-only on a multiuser server: 403). */
  public HfTokenStatus getHfLoginStatus() {
    return models.hfTokenStatus();
  }

  /**
   * Stores a Hugging Face token on the server (for gated repos) and returns the status after.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 400 when Hugging Face rejects it
   */
  public HfTokenStatus hfLogin(String token) {
    return models.hfLogin(requireNonNull(token, "token == null"));
  }

  /** Removes the server's Hugging Face token and returns the status after. */
  public HfTokenStatus hfLogout() {
    return models.hfLogout();
  }

  /** The gateway underneath, for what this repository does not wrap. */
  public ModelGateway gateway() {
    return models;
  }
}
