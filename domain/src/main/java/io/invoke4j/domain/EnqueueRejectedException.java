package io.invoke4j.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The server refused an enqueue body (HTTP 422): each {@link EnqueueProblem} names where (node,
 * field and, when known, the form input) and the server's message. Nothing was enqueued.
 */
public class EnqueueRejectedException extends InvokeHttpException {
  private static final long serialVersionUID = 1L;

  private final transient List<EnqueueProblem> problems;

  public EnqueueRejectedException(String method, String path, String detail, List<EnqueueProblem> problems) {
    super(422, method, path, detail, summary(problems));
    this.problems = List.copyOf(requireNonNull(problems, "problems == null"));
  }

  /** The problems, in the server's order. */
  public List<EnqueueProblem> problems() {
    return problems;
  }

  /** The same rejection with each problem rewritten (e.g. to add the form input it is on). */
  public EnqueueRejectedException mapProblems(UnaryOperator<EnqueueProblem> mapper) {
    EnqueueRejectedException mapped = new EnqueueRejectedException(method(), path(), detail(),
        problems.stream().map(mapper).collect(Collectors.toList()));
    mapped.setStackTrace(getStackTrace());
    return mapped;
  }

  private static String summary(List<EnqueueProblem> problems) {
    if (problems.isEmpty()) {
      return "the server rejected the request";
    }
    return "the server rejected the request: "
        + problems.stream().map(EnqueueProblem::describe).collect(Collectors.joining("; "));
  }
}
