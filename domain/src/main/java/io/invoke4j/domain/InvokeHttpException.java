package io.invoke4j.domain;

import static java.util.Objects.requireNonNull;

/**
 * The server answered with a non-2xx status. Carries the method, the path, the status and the
 * server's {@code detail} (or a short excerpt of the body), never a token.
 */
public class InvokeHttpException extends InvokeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_EXCERPT = 2000;

  private final int status;
  private final String method;
  private final String path;
  private final String detail;

  public InvokeHttpException(int status, String method, String path, String detail) {
    this(status, method, path, detail, excerpt(detail));
  }

  /** With a message of the subclass's own after "METHOD path -> HTTP status: ". */
  protected InvokeHttpException(int status, String method, String path, String detail, String explanation) {
    super(method + " " + path + " -> HTTP " + status + ": " + explanation);
    this.status = status;
    this.method = requireNonNull(method, "method == null");
    this.path = requireNonNull(path, "path == null");
    this.detail = excerpt(detail);
  }

  public int status() {
    return status;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The server's detail (for FastAPI, the {@code detail} value as JSON text), shortened. */
  public String detail() {
    return detail;
  }

  private static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    return body.length() <= MAX_EXCERPT ? body : body.substring(0, MAX_EXCERPT) + "…";
  }
}
