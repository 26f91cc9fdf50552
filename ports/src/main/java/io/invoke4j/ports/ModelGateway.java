package io.invoke4j.ports;

import io.invoke4j.domain.models.FoundModel;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.ModelCacheStats;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import java.util.List;
import java.util.Optional;

/**
 * The server's model manager ({@code /api/v2/models}): installed models, install jobs, the model
 * cache and the Hugging Face token. Reads are for any user; changes are admin-only on a multiuser
 * server (403).
 *
 * <p>Every method may throw {@link io.invoke4j.domain.InvokeHttpException} on an error status,
 * {@link io.invoke4j.domain.InvokeTransportException} when the server cannot be reached and
 * {@link io.invoke4j.domain.InvokeProtocolException} when its answer cannot be read.
 */
public interface ModelGateway {
  /**
   * The installed models, filtered by base (e.g. {@code sdxl}) and type (e.g. {@code main}) when
   * given; empty when none match (a server without models).
   */
  List<ModelRecord> list(Optional<String> base, Optional<String> type);

  /** The model with {@code key}; empty when none is installed. */
  Optional<ModelRecord> find(ModelKey key);

  /**
   * Starts installing the model at {@code source}: a path on the server's disk, an {@code http(s)}
   * URL or a Hugging Face repo id ({@code owner/name}, optionally {@code :variant} and
   * {@code ::subfolder}). A local file is installed at once (6.14.2), though the answer may still
   * say running; remote sources progress in the background. Poll {@link #findInstallJob}.
   *
   * @param inplace for a local path: register the files where they are instead of copying them
   * @throws io.invoke4j.domain.InvokeHttpException 409 when the model is installed already or the
   *     source cannot be parsed, 415 for an unrecognised format
   */
  ModelInstallJob install(String source, boolean inplace);

  /** Every install job the server remembers (since it started, until pruned), oldest first. */
  List<ModelInstallJob> installJobs();

  /** The install job {@code id}; empty when there is no such job. */
  Optional<ModelInstallJob> findInstallJob(long id);

  /**
   * Cancels the install job {@code id} (a terminal job stays as it is).
   *
   * @throws io.invoke4j.domain.InvokeHttpException 415 (sic, 6.14.2) for an unknown id
   */
  void cancelInstallJob(long id);

  /** Forgets the finished, failed and cancelled install jobs. */
  void pruneInstallJobs();

  /**
   * Deletes the model: its record, and its files when they are inside the models folder.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 404 for an unknown key, 409 while it is in use
   */
  void delete(ModelKey key);

  /**
   * Converts a checkpoint main model (SD 1, SD 2, SDXL) to diffusers; its key and hash change.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 400 for other models, 424 (sic, 6.14.2) for an
   *     unknown key
   */
  ModelRecord convert(ModelKey key);

  /**
   * The model files and model folders directly in {@code folder} on the server's disk (other files
   * and folders are left out).
   *
   * @throws io.invoke4j.domain.InvokeHttpException 400 when the folder cannot be scanned
   */
  List<FoundModel> scanFolder(String folder);

  /** Drops every model from the model cache (RAM and VRAM). */
  void emptyModelCache();

  /** The model cache's statistics; empty when the server has none (no model loaded yet). */
  Optional<ModelCacheStats> cacheStats();

  /**
   * Whether the server holds a valid Hugging Face token. Admin-only on a multiuser server (403),
   * although it only reads.
   */
  HfTokenStatus hfTokenStatus();

  /**
   * Stores {@code token} as the server's Hugging Face token and returns the status after.
   *
   * @throws io.invoke4j.domain.InvokeHttpException 400 when Hugging Face rejects the token
   */
  HfTokenStatus hfLogin(String token);

  /** Removes the server's Hugging Face token and returns the status after. */
  HfTokenStatus hfLogout();
}
