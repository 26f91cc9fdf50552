package io.invoke4j.domain;

/** A response or document we cannot read: bad JSON, an unknown value, a missing key. */
public class InvokeProtocolException extends InvokeException {
  private static final long serialVersionUID = 1L;

  public InvokeProtocolException(String message) {
    super(message);
  }

  public InvokeProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
