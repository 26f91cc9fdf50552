package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.models.ModelKey;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoke4j models list|install|delete|jobs}. */
@Command(name = "models", description = "The server's installed models and model installs.",
    subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Install.class, ModelsCommand.Delete.class,
        ModelsCommand.Jobs.class})
final class ModelsCommand extends ClientCommand.Group {

  @Command(name = "list", description = "List installed models.")
  static final class ListModels extends ClientCommand {
    @Option(names = "--base", paramLabel = "BASE", description = "Only this base, e.g. sdxl, flux.")
    String base;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this type, e.g. main, lora, vae.")
    String type;

    @Override
    JsonNode execute(InvokeAIClient client) {
      return Views.array(client.models().list(Optional.ofNullable(base), Optional.ofNullable(type)), Views::model);
    }
  }

  @Command(name = "install", description = {"Start installing a model; the server downloads it in the background.",
      "Follow it with 'models jobs'."})
  static final class Install extends ClientCommand {
    @Parameters(paramLabel = "SOURCE", description = "A URL, a Hugging Face repo id or a path on the server.")
    String source;

    @Option(names = "--inplace", description = "For a path on the server: use it where it is instead of copying it.")
    boolean inplace;

    @Override
    JsonNode execute(InvokeAIClient client) {
      return Views.installJob(client.models().install(source, inplace));
    }
  }

  @Command(name = "delete", description = "Delete an installed model (its files too, unless installed in place).")
  static final class Delete extends ClientCommand {
    @Parameters(paramLabel = "KEY", description = "The model's key (see 'models list').")
    String key;

    @Override
    JsonNode execute(InvokeAIClient client) {
      ModelKey model = ModelKey.of(key);
      client.models().find(model).orElseThrow(() -> notFound("model " + key));
      client.models().delete(model);
      return Views.object().put("key", key).put("deleted", true);
    }
  }

  @Command(name = "jobs", description = "List model install jobs and how far they got.")
  static final class Jobs extends ClientCommand {
    @Override
    JsonNode execute(InvokeAIClient client) {
      return Views.array(client.models().installJobs(), Views::installJob);
    }
  }
}
