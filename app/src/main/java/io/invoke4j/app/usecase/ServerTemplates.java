package io.invoke4j.app.usecase;

import io.invoke4j.domain.field.NodeTemplates;
import io.invoke4j.ports.ServerGateway;
import java.util.function.Supplier;

/**
 * The server's node templates, read from its OpenAPI schema on first use and kept: the schema is
 * large (about 2 MB for InvokeAI 6.14) and changes only with the server's version.
 */
final class ServerTemplates implements Supplier<NodeTemplates> {
  private final ServerGateway server;
  private volatile NodeTemplates templates;

  ServerTemplates(ServerGateway server) {
    this.server = server;
  }

  @Override
  public NodeTemplates get() {
    NodeTemplates read = templates;
    if (read == null) {
      synchronized (this) {
        read = templates;
        if (read == null) {
          read = NodeTemplates.fromOpenApi(server.openApiSchema());
          templates = read;
        }
      }
    }
    return read;
  }
}
