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
    int code = cli.execute(args);
    // PrintWriter swallows write errors (closed pipe, full disk): a lost result is not a success
    if (cli.getOut().checkError() && code == 0) {
      System.err.println("invoke4j: cannot write to standard output (closed pipe or full disk)");
      code = 1;
    }
    System.exit(code);
  }

  /**
   * Entry point for programs embedding the CLI: runs {@code args} and returns the exit code,
   * connecting to servers over HTTP.
   *
   * @param args the command line, without the program name
   * @return the exit code: 0 success, 2 bad input, 3 server refused or unreachable, 4 an item failed, 1 a bug
   */
  public static int run(String... args) {
    CommandLine cli = create();
    int code = cli.execute(args);
    return cli.getOut().checkError() && code == 0 ? 1 : code;
  }

  /** The command tree with the error policy; {@code main} and the tests run the same thing. */
  static CommandLine create() {
    return create(ClientFactory.http(), System.getenv());
  }

  /** The command tree connecting through {@code clients}, reading {@code env} for defaults. */
  static CommandLine create(ClientFactory clients, java.util.Map<String, String> env) {
    return withErrorPolicy(new CommandLine(new InvokeCommand(), new CliFactory(clients, env))
        .setCaseInsensitiveEnumValuesAllowed(true));
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
