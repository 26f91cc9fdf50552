package io.invoke4j.app.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates commands and mixins; hands {@link ServerOptions} the client factory and environment. */
final class CliFactory implements IFactory {
  private final ClientFactory clients;
  private final Map<String, String> env;
  private final IFactory fallback = CommandLine.defaultFactory();

  CliFactory(ClientFactory clients, Map<String, String> env) {
    this.clients = clients;
    this.env = env;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    if (cls == ServerOptions.class) {
      return cls.cast(new ServerOptions(clients, env));
    }
    if (cls == RunOptions.class) {
      return cls.cast(new RunOptions(env));
    }
    return fallback.create(cls);
  }
}
