package io.invoke4j.domain.workflow;

import io.invoke4j.domain.InvokeProtocolException;
import java.util.Objects;

/**
 * A workflow document we cannot use: not JSON, or JSON that breaks the rules of InvokeAI's workflow
 * format. The message reads {@code "<jsonPath>: <what is wrong>"}.
 */
public class WorkflowFormatException extends InvokeProtocolException {
  private static final long serialVersionUID = 1L;

  private final String jsonPath;

  public WorkflowFormatException(String jsonPath, String problem) {
    super(Objects.requireNonNull(jsonPath, "jsonPath == null") + ": " + problem);
    this.jsonPath = jsonPath;
  }

  public WorkflowFormatException(String jsonPath, String problem, Throwable cause) {
    super(Objects.requireNonNull(jsonPath, "jsonPath == null") + ": " + problem, cause);
    this.jsonPath = jsonPath;
  }

  /** Where in the document the problem is, e.g. {@code $.nodes[3].data.inputs.width}; {@code $} for the whole. */
  public String jsonPath() {
    return jsonPath;
  }
}
