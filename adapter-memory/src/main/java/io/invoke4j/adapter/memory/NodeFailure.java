package io.invoke4j.adapter.memory;

/** A node's failure as InvokeAI reports it: the Python exception class name and message. */
final class NodeFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String errorType;
  final String errorMessage;

  NodeFailure(String errorType, String errorMessage) {
    super(errorType + ": " + errorMessage, null, false, false);
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }

  /** A made-up traceback in Python's shape, so code that shows one has something to show. */
  String traceback(String nodeType) {
    return "Traceback (most recent call last):\n  File \"<in-memory invokeai>\", in invoke (" + nodeType + ")\n"
        + errorType + ": " + errorMessage + "\n";
  }
}
