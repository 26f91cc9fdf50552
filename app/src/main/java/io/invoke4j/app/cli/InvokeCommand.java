package io.invoke4j.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: global options only; the work happens in subcommands. */
@Command(
    name = "invoke4j",
    description = "Drive an InvokeAI server with workflows exported from its GUI.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    scope = ScopeType.INHERIT,
    // a new subcommand is its class plus one entry here
    subcommands = {RunCommand.class, SweepCommand.class, InputsCommand.class, PayloadCommand.class,
        BoardsCommand.class, ImagesCommand.class, ModelsCommand.class, QueueCommand.class, WorkflowsCommand.class,
        ServerCommand.class, HelpCommand.class})
final class InvokeCommand implements Runnable {
  static final String VERBOSE = "--verbose";

  @Spec CommandSpec spec;

  @Option(
      names = VERBOSE,
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors and log at DEBUG.")
  boolean verbose;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** Whether {@code --verbose} was given, before or after the subcommand's name. */
  static boolean verbose(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }
}
