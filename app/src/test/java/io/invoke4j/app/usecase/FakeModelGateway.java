package io.invoke4j.app.usecase;

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
}
