package io.invoke4j.domain;

/** A local file could not be read or written (adapter-fs). */
public class InvokeStorageException extends InvokeException {
  private static final long serialVersionUID = 1L;

  public InvokeStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
