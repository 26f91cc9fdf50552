package io.invoke4j.domain;

/**
 * Root of every failure invoke4j reports about the outside world: the server, the network, a file,
 * a document we cannot read. Caller mistakes stay JDK exceptions ({@link IllegalArgumentException},
 * {@link IllegalStateException}).
 */
public class InvokeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvokeException(String message) {
    super(message);
  }

  public InvokeException(String message, Throwable cause) {
    super(message, cause);
  }
}
