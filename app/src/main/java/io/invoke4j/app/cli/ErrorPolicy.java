package io.invoke4j.app.cli;

import io.invoke4j.domain.EnqueueRejectedException;
import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeStorageException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.workflow.InvalidInputException;
import io.invoke4j.domain.workflow.WorkflowFormatException;
import java.io.PrintWriter;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How every failure leaves the CLI, in one place. Exit codes:
 *
 * <ul>
 *   <li>2: bad input or usage: picocli's usage errors, {@link IllegalArgumentException}, a workflow
 *       file that cannot be read, a value that does not fit its input, a local file that cannot be
 *       read or written;
 *   <li>3: the server refused (HTTP error, 422 on enqueue) or is unreachable, or sent what we cannot read;
 *   <li>4: a queue item failed, was canceled or did not finish in time ({@link CliException});
 *   <li>1: anything else, a bug in invoke4j.
 * </ul>
 *
 * <p>Every message is one line on stderr, {@code invoke4j: <message>}, without Java class names or
 * JSON-path roots ({@code $:}); the stack trace follows only with {@code --verbose}. Messages are
 * folded onto one line because server details may span several and scripts read stderr by line.
 */
final class ErrorPolicy implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private static final String PROGRAM = "invoke4j";
  /** {@code io.invoke4j.domain.workflow.WorkflowFormatException: } and the like. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)(?::\\s*)?");
  /**
   * A bare Java exception name, as transports put them in messages: {@code HttpHostConnectException: }.
   * Only {@code ...Exception}: the server's Python error types ({@code ValueError}) are worth reading.
   */
  private static final Pattern SIMPLE_EXCEPTION = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*Exception:\\s*");
  /** A JSON path root with nothing after it: {@code $: empty document}. */
  private static final Pattern ROOT_PATH = Pattern.compile("(^|\\s)\\$:\\s*");

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = root(commandLine).getErr();
    boolean verbose = InvokeCommand.verbose(parseResult);
    int code = exitCode(ex);
    if (code == ExitCode.SOFTWARE) {
      err.println(PROGRAM + ": unexpected error: " + ex.getClass().getName() + ": " + oneLine(rawMessage(ex))
          + (verbose ? "" : " (run with " + InvokeCommand.VERBOSE + " for the stack trace)"));
    } else {
      err.println(PROGRAM + ": " + (verbose ? oneLine(rawMessage(ex)) : clean(rawMessage(ex))));
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof CliException cli) {
      return cli.exitCode();
    }
    if (ex instanceof WorkflowFormatException || ex instanceof InvalidInputException
        || ex instanceof InvokeStorageException || ex instanceof IllegalArgumentException) {
      return CliException.USAGE;
    }
    if (ex instanceof InvokeHttpException || ex instanceof InvokeTransportException
        || ex instanceof InvokeProtocolException || ex instanceof EnqueueRejectedException
        || ex instanceof InvokeException) {
      return CliException.SERVER;
    }
    return ExitCode.SOFTWARE;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = root(commandLine).getErr();
    err.println(PROGRAM + ": " + oneLine(rawMessage(ex))
        + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCode.USAGE;
  }

  /** Tests and subcommands added late may not share the root's writer; the root's is the one set up. */
  private static CommandLine root(CommandLine commandLine) {
    return commandLine.getCommandSpec().root().commandLine();
  }

  private static String rawMessage(Throwable ex) {
    String message = ex.getMessage();
    return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
  }

  /** One line, without Java class names and bare {@code $:} roots. */
  static String clean(String message) {
    String text = CLASS_NAME.matcher(oneLine(message)).replaceAll("");
    text = SIMPLE_EXCEPTION.matcher(text).replaceAll("");
    text = ROOT_PATH.matcher(text).replaceAll("$1");
    text = text.replaceAll("(?<![\\w.])\\$\\.", "");
    return text.replaceAll("\\s{2,}", " ").strip();
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
