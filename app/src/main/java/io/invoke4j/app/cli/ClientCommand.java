package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.InvokeException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A management command: connects, makes its server calls, prints the result as JSON with
 * {@code --json} or as text for people. A server that refuses or cannot be reached is one line
 * naming the command and the server (exit 3); an unknown id is bad input (exit 2).
 */
abstract class ClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ServerOptions server;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  /** The command's work, its result as the JSON {@code --json} prints. */
  abstract JsonNode execute(InvokeAIClient client);

  /** The result as text; a table or {@code key: value} lines unless the command knows better. */
  String text(JsonNode result) {
    return Table.of(result);
  }

  @Override
  public final Integer call() {
    JsonNode result;
    try (InvokeAIClient client = server.connect()) {
      result = execute(client);
    } catch (CliException | IllegalArgumentException e) {
      throw e;
    } catch (InvokeException e) {
      throw new CliException(ErrorPolicy.exitCode(e), name() + " at " + server.url() + ": "
          + ErrorPolicy.clean(e.getMessage()), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? Json.pretty(result) + System.lineSeparator() : text(result));
    out.flush();
    return 0;
  }

  /** {@code boards delete}: the command as typed, for messages. */
  String name() {
    return spec.qualifiedName(" ").replaceFirst("^invoke4j ", "");
  }

  /** The bad-input failure for an id the server does not know. */
  CliException notFound(String what) {
    return new CliException(CliException.USAGE, name() + ": no " + what + " at " + server.url());
  }

  /** The parent of a group of commands ({@code boards}, {@code queue}...): it needs a subcommand. */
  abstract static class Group implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
  }
}
