package io.invoke4j.app.cli;

/**
 * A failure the CLI already put into words, with its exit code: {@link #USAGE} for bad input,
 * {@link #SERVER} when the server refused or is unreachable, {@link #ITEM_FAILED} when a queue item
 * failed or did not finish.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final int USAGE = 2;
  static final int SERVER = 3;
  static final int ITEM_FAILED = 4;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
