package io.invoke4j.app.cli;

import io.invoke4j.domain.InvokeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How every failure leaves the CLI, in one place.
 *
 * <ul>
 *   <li>Bad input: {@link IllegalArgumentException} or any {@link InvokeException} from a subcommand,
 *       and picocli's usage errors. Exit {@value ExitCode#USAGE}, one line on stderr,
 *       {@code invoke4j: <message>}; the stack trace follows only with {@code --verbose}.
 *   <li>Anything else is a bug in invoke4j: exit {@value ExitCode#SOFTWARE}, one line naming the
 *       exception type, and again the stack trace only with {@code --verbose}.
 * </ul>
 *
 * <p>Messages are folded onto one line because server details (an HTTP body excerpt) may span several,
 * and scripts read stderr line by line.
 */
final class ErrorPolicy implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private static final String PROGRAM = "invoke4j";

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = root(commandLine).getErr();
    boolean badInput = ex instanceof IllegalArgumentException || ex instanceof InvokeException;
    boolean verbose = InvokeCommand.verbose(parseResult);
    if (badInput) {
      err.println(PROGRAM + ": " + oneLine(message(ex)));
    } else {
      err.println(PROGRAM + ": unexpected error: " + ex.getClass().getName() + ": " + oneLine(message(ex))
          + (verbose ? "" : " (run with " + InvokeCommand.VERBOSE + " for the stack trace)"));
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return badInput ? ExitCode.USAGE : ExitCode.SOFTWARE;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = root(commandLine).getErr();
    err.println(PROGRAM + ": " + oneLine(message(ex))
        + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCode.USAGE;
  }

  /** Tests and subcommands added late may not share the root's writer; the root's is the one set up. */
  private static CommandLine root(CommandLine commandLine) {
    return commandLine.getCommandSpec().root().commandLine();
  }

  private static String message(Exception ex) {
    String message = ex.getMessage();
    return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
