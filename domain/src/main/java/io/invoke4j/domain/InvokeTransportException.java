package io.invoke4j.domain;

/** Connecting, sending or receiving failed (connect refused, timeout, I/O); the cause is the I/O error. */
public class InvokeTransportException extends InvokeException {
  private static final long serialVersionUID = 1L;

  public InvokeTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
