package io.invoke4j.app.cli;

import picocli.CommandLine;

/** Entry point of the {@code invoke4j} command (the CLI jar's main class). */
public final class Main {
  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private Main() {}

  public static void main(String[] args) {
    CommandLine cli = create();
    cli.setExecutionStrategy(parseResult -> {
      configureLogging(InvokeCommand.verbose(parseResult));
      return new CommandLine.RunLast().execute(parseResult);
    });
    System.exit(cli.execute(args));
  }

  /** The command tree with the error policy; {@code main} and the tests run the same thing. */
  static CommandLine create() {
    return withErrorPolicy(new CommandLine(new InvokeCommand()));
  }

  static CommandLine withErrorPolicy(CommandLine cli) {
    ErrorPolicy policy = new ErrorPolicy();
    return cli.setExecutionExceptionHandler(policy).setParameterExceptionHandler(policy);
  }

  /**
   * slf4j-simple reads its level once, when the first logger is created; subcommands create theirs
   * later, so setting it here is early enough. A level given with {@code -D} on the JVM wins.
   */
  private static void configureLogging(boolean verbose) {
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, verbose ? "debug" : "warn");
    }
  }
}
