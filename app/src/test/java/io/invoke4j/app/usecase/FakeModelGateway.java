package io.invoke4j.app.usecase;

import io.invoke4j.domain.models.FoundModel;
import io.invoke4j.domain.models.HfTokenStatus;
import io.invoke4j.domain.models.ModelCacheStats;
import io.invoke4j.domain.models.ModelInstallJob;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.ports.ModelGateway;
import java.util.List;
import java.util.Optional;

/** A fixed list of installed models, as recorded from a server. */
public final class FakeModelGateway implements ModelGateway {
  private final List<ModelRecord> installed;

  public FakeModelGateway(List<ModelRecord> installed) {
    this.installed = List.copyOf(installed);
  }

  /** Three models of a small SD 1.5 server. */
  public static FakeModelGateway recorded() {
    return new FakeModelGateway(List.of(
        model("k-dreamshaper", "blake3:dream", "DreamShaper 8", "sd-1", "main"),
        model("k-vae", "blake3:vae", "sd-vae-ft-mse", "sd-1", "vae"),
        model("k-juggernaut", "blake3:jugg", "Juggernaut XL", "sdxl", "main")));
  }

  public static ModelRecord model(String key, String hash, String name, String base, String type) {
    return ModelRecord.builder().key(ModelKey.of(key)).hash(hash).name(name).base(base).type(type).build();
  }

  @Override
  public List<ModelRecord> list(Optional<String> base, Optional<String> type) {
    return installed.stream().filter(m -> base.map(m.base()::equals).orElse(true))
        .filter(m -> type.map(m.type()::equals).orElse(true)).toList();
  }

  @Override
  public Optional<ModelRecord> find(ModelKey key) {
    return installed.stream().filter(m -> m.key().equals(key)).findFirst();
  }

  // A fixed list of models: the installer and the cache are not faked here (adapter-memory's FakeModelGateway is).

  @Override
  public ModelInstallJob install(String source, boolean inplace) {
    throw new UnsupportedOperationException("FakeModelGateway.install is not faked");
  }

  @Override
  public List<ModelInstallJob> installJobs() {
    throw new UnsupportedOperationException("FakeModelGateway.installJobs is not faked");
  }

  @Override
  public Optional<ModelInstallJob> findInstallJob(long id) {
    throw new UnsupportedOperationException("FakeModelGateway.findInstallJob is not faked");
  }

  @Override
  public void cancelInstallJob(long id) {
    throw new UnsupportedOperationException("FakeModelGateway.cancelInstallJob is not faked");
  }

  @Override
  public void pruneInstallJobs() {
    throw new UnsupportedOperationException("FakeModelGateway.pruneInstallJobs is not faked");
  }

  @Override
  public void delete(ModelKey key) {
    throw new UnsupportedOperationException("FakeModelGateway.delete is not faked");
  }

  @Override
  public ModelRecord convert(ModelKey key) {
    throw new UnsupportedOperationException("FakeModelGateway.convert is not faked");
  }

  @Override
  public List<FoundModel> scanFolder(String folder) {
    throw new UnsupportedOperationException("FakeModelGateway.scanFolder is not faked");
  }

  @Override
  public void emptyModelCache() {
    throw new UnsupportedOperationException("FakeModelGateway.emptyModelCache is not faked");
  }

  @Override
  public Optional<ModelCacheStats> cacheStats() {
    throw new UnsupportedOperationException("FakeModelGateway.cacheStats is not faked");
  }

  @Override
  public HfTokenStatus hfTokenStatus() {
    throw new UnsupportedOperationException("FakeModelGateway.hfTokenStatus is not faked");
  }

  @Override
  public HfTokenStatus hfLogin(String token) {
    throw new UnsupportedOperationException("FakeModelGateway.hfLogin is not faked");
  }

  @Override
  public HfTokenStatus hfLogout() {
    throw new UnsupportedOperationException("FakeModelGateway.hfLogout is not faked");
  }
}
