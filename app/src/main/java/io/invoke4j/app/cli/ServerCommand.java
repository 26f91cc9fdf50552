package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.app.InvokeAIClient;
import picocli.CommandLine.Command;

/** {@code invoke4j server version}. */
@Command(name = "server", description = "The server itself.", subcommands = ServerCommand.Version.class)
final class ServerCommand extends ClientCommand.Group {

  @Command(name = "version", description = "Print the server's InvokeAI version.")
  static final class Version extends ClientCommand {
    @Override
    JsonNode execute(InvokeAIClient client) {
      return Views.object().put("version", client.server().version()).put("url", server.url());
    }

    @Override
    String text(JsonNode result) {
      return result.get("version").asText() + System.lineSeparator();
    }
  }
}
