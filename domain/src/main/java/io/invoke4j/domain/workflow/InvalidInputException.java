package io.invoke4j.domain.workflow;

/**
 * A caller asked for an input that does not exist or tried to set a value its type does not take.
 * The message names the input (index, label, node and field) and what was expected, e.g.
 * {@code input 3 "Width" (node "Resize" img_resize#abc, field width): expected integer, got "abc"}.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
