package io.invoke4j.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Binds ports to instances a caller supplied (fakes in tests, a custom adapter), in place of the
 * HTTP adapters.
 */
public final class SwappedPortsModule extends AbstractModule {
  private final Map<Class<?>, Object> instances = new LinkedHashMap<>();

  /** A module binding nothing yet. */
  public SwappedPortsModule() {}

  /**
   * Binds {@code port} to {@code instance} (a later call for the same port replaces it).
   *
   * @return this module
   */
  public <T> SwappedPortsModule bind(Class<T> port, T instance) {
    requireNonNull(port, "port == null");
    instances.put(port, port.cast(requireNonNull(instance, "instance == null")));
    return this;
  }

  /** The ports bound so far. */
  public Set<Class<?>> ports() {
    return Set.copyOf(instances.keySet());
  }

  @Override
  protected void configure() {
    instances.forEach(this::bindInstance);
  }

  private <T> void bindInstance(Class<T> port, Object instance) {
    bind(port).toInstance(port.cast(instance));
  }
}
