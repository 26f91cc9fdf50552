package io.invoke4j.adapter.memory;

import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.models.ModelRecord;
import io.invoke4j.ports.ModelGateway;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The models a {@link MemoryInvokeAI} was built with (none by default, like the test server). */
public final class FakeModelGateway implements ModelGateway {
  private final MemoryInvokeAI server;

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
}
