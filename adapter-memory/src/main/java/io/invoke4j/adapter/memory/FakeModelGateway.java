package io.invoke4j.adapter.memory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.event.ModelInstallEvent;
import io.invoke4j.domain.models.FoundModel;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.InstallStatus;
import io.invoke4j.domain.models.ModelCacheStats;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.ports.ModelGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The models a {@link MemoryInvokeAI} was built with (none by default, like the test server), and
 * an installer that cannot install anything: the in-memory server cannot probe model files or
 * download. Its jobs behave like the real server's for what it can tell:
 * <ul>
 *   <li>a missing local path, or a source that is neither a path, a URL nor {@code owner/name}:
 *       409, as the server answers an unparseable source;
 *   <li>a local file whose extension is not a model format: a job in {@code error} with the
 *       server's {@code ValueError} message (InvokeAI 6.14.2's wording);
 *   <li>any other source (a model file, a URL, a Hugging Face repo): a job in {@code error} with
 *       reason {@code NotSupported}: nothing is ever installed, so tests see the failure path.
 * </ul>
 * Each failed job is announced on the event stream with a {@code model_install_error} event, as
 * the server announces it.
 * The Hugging Face token status is {@link HfTokenStatus#INVALID} (no token) until
 * {@link #hfLogin(String)} stores a token starting with {@code hf_}.
 */
public final class FakeModelGateway implements ModelGateway {
  private static final Set<String> MODEL_EXTENSIONS = Set.of("bin", "ckpt", "gguf", "onnx", "pt", "pth", "safetensors");

  private final MemoryInvokeAI server;
  private final Map<Long, ModelInstallJob> jobs = new TreeMap<>();
  private long nextJobId;
  private HfTokenStatus hfStatus = HfTokenStatus.INVALID;

  FakeModelGateway(MemoryInvokeAI server) {
    this.server = server;
  }

  @Override
  public List<ModelRecord> list(Optional<String> base, Optional<String> type) {
    return server.models.stream().filter(m -> base.map(m.base()::equals).orElse(true))
        .filter(m -> type.map(m.type()::equals).orElse(true)).collect(Collectors.toList());
  }

  @Override
  public Optional<ModelRecord> find(ModelKey key) {
    return server.models.stream().filter(m -> m.key().equals(key)).findFirst();
  }

  @Override
  public ModelInstallJob install(String source, boolean inplace) {
    requireNonNull(source, "source == null");
    String given = source.strip();
    Path path = Path.of(given);
    boolean local = !given.isEmpty() && Files.exists(path);
    boolean remote = given.startsWith("http://") || given.startsWith("https://")
        || given.matches("[\\w.-]+/[\\w.-]+(:[\\w+./-]*)*");
    if (!local && !remote) {
      throw new InvokeHttpException(409, "POST", "/api/v2/models/install",
          "Unsupported model source: '" + given + "'");
    }
    ModelInstallJob built;
    synchronized (server.lock) {
      long id = nextJobId++;
      ModelInstallJob.Builder job = ModelInstallJob.builder().id(id).status(InstallStatus.ERROR).statusText("error")
          .source(given);
      if (local) {
        long size = size(path);
        job.sourceType("local").localPath(path.toString()).bytes(size).totalBytes(size);
        String ext = extension(path);
        if (Files.isRegularFile(path) && !MODEL_EXTENSIONS.contains(ext)) {
          job.errorReason("ValueError").error("File extension ." + ext + " is not a recognized model format. "
              + "Expected one of: .bin, .ckpt, .gguf, .onnx, .pt, .pth, .safetensors");
        } else {
          job.errorReason("NotSupported").error("the in-memory server cannot probe model files");
        }
      } else {
        // nothing was downloaded: no bytes of an unknown total
        job.sourceType(given.contains("://") ? "url" : "hf").bytes(0).totalBytes(0)
            .errorReason("NotSupported").error("the in-memory server cannot download models");
      }
      built = job.build();
      jobs.put(id, built);
    }
    server.emit(errorEvent(built));
    return built;
  }

  /** The {@code model_install_error} event the server sends for a failed job (its payload's fields). */
  private static ModelInstallEvent errorEvent(ModelInstallJob job) {
    ObjectNode raw = JsonNodeFactory.instance.objectNode().put("id", job.id()).put("source", job.source());
    job.errorReason().ifPresent(reason -> raw.put("error_type", reason));
    job.error().ifPresent(error -> raw.put("error", error));
    return ModelInstallEvent.builder().name("model_install_error").raw(raw).kind(ModelInstallEvent.Kind.ERROR)
        .jobId(job.id()).source(job.source()).errorType(job.errorReason()).error(job.error()).build();
  }

  private static long size(Path path) {
    try {
      return Files.isRegularFile(path) ? Files.size(path) : 0L;
    } catch (IOException e) {
      return 0L;
    }
  }

  private static String extension(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public List<ModelInstallJob> installJobs() {
    synchronized (server.lock) {
      return List.copyOf(jobs.values());
    }
  }

  @Override
  public Optional<ModelInstallJob> findInstallJob(long id) {
    synchronized (server.lock) {
      return Optional.ofNullable(jobs.get(id));
    }
  }

  /** Every job of this installer is terminal at once, so cancelling changes nothing. */
  @Override
  public void cancelInstallJob(long id) {
    synchronized (server.lock) {
      if (!jobs.containsKey(id)) {
        throw new InvokeHttpException(415, "DELETE", "/api/v2/models/install/" + id, "No job with id " + id + " known");
      }
    }
  }

  @Override
  public void pruneInstallJobs() {
    synchronized (server.lock) {
      jobs.values().removeIf(ModelInstallJob::isTerminal);
    }
  }

  @Override
  public void delete(ModelKey key) {
    requireNonNull(key, "key == null");
    if (!server.models.removeIf(m -> m.key().equals(key))) {
      throw new InvokeHttpException(404, "DELETE", "/api/v2/models/i/" + key.value(), "model not found");
    }
  }

  /** Only checkpoint main models of SD 1, SD 2 and SDXL convert; the copy gets format {@code diffusers}. */
  @Override
  public ModelRecord convert(ModelKey key) {
    requireNonNull(key, "key == null");
    String path = "/api/v2/models/convert/" + key.value();
    synchronized (server.lock) {
      // 6.14.2 answers an unknown key here with 424, not 404
      ModelRecord model = find(key).orElseThrow(
          () -> new InvokeHttpException(424, "PUT", path, "model not found"));
      if (!model.type().equals("main") || !model.format().orElse("").equals("checkpoint")
          || !Set.of("sd-1", "sd-2", "sdxl", "sdxl-refiner").contains(model.base())) {
        throw new InvokeHttpException(400, "PUT", path, "The model with key " + key.value()
            + " is not a main checkpoint model.");
      }
      ModelRecord converted = ModelRecord.builder().from(model).format("diffusers").build();
      server.models.replaceAll(m -> m.key().equals(key) ? converted : m);
      return converted;
    }
  }

  /**
   * Lists the model files directly in {@code folder} on this machine's disk, and the folders that
   * hold a diffusers {@code model_index.json} (the server skips other folders).
   */
  @Override
  public List<FoundModel> scanFolder(String folder) {
    requireNonNull(folder, "folder == null");
    Path dir = Path.of(folder);
    if (!Files.isDirectory(dir)) {
      throw new InvokeHttpException(400, "GET", "/api/v2/models/scan_folder",
          "The search path '" + folder + "' could not be scanned");
    }
    List<FoundModel> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.sorted().filter(p -> Files.isRegularFile(p.resolve("model_index.json"))
          || Files.isRegularFile(p) && MODEL_EXTENSIONS.contains(extension(p)))
          .forEach(p -> found.add(FoundModel.builder().path(p.toString())
              .installed(server.models.stream().anyMatch(m -> p.toString().equals(m.raw().path("path").asText())))
              .build()));
    } catch (IOException e) {
      throw new InvokeHttpException(400, "GET", "/api/v2/models/scan_folder",
          "The search path '" + folder + "' could not be scanned");
    }
    return found;
  }

  /** Nothing is ever loaded. */
  @Override
  public void emptyModelCache() {}

  /** An empty cache, as on a server that has loaded no model. */
  @Override
  public Optional<ModelCacheStats> cacheStats() {
    return Optional.of(ModelCacheStats.builder().hits(0).misses(0).highWatermark(0).inCache(0).cleared(0)
        .cacheSize(0).build());
  }

  @Override
  public HfTokenStatus hfTokenStatus() {
    synchronized (server.lock) {
      return hfStatus;
    }
  }

  /** A token starting with {@code hf_} is valid; others are rejected with 400, as Hugging Face would. */
  @Override
  public HfTokenStatus hfLogin(String token) {
    requireNonNull(token, "token == null");
    if (!token.startsWith("hf_")) {
      throw new InvokeHttpException(400, "POST", "/api/v2/models/hf_login", "Invalid token");
    }
    synchronized (server.lock) {
      hfStatus = HfTokenStatus.VALID;
      return hfStatus;
    }
  }

  @Override
  public HfTokenStatus hfLogout() {
    synchronized (server.lock) {
      hfStatus = HfTokenStatus.INVALID;
      return hfStatus;
    }
  }
}
