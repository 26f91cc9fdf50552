package io.invoke4j.app.usecase;

import io.invoke4j.domain.InvokeException;
import java.util.List;

/**
 * {@link WorkflowHandle#syncDnnModel} found model fields that no installed model matches with the
 * strategies allowed. Nothing was changed.
 */
public class UnresolvedModelException extends InvokeException {
  private static final long serialVersionUID = 1L;

  private final List<String> unresolved;

  /**
   * An exception listing the unmatched fields.
   *
   * @param unresolved one line per field: node, field, the model's name and hash
   */
  public UnresolvedModelException(List<String> unresolved) {
    super("no installed model matches " + String.join("; ", unresolved));
    this.unresolved = List.copyOf(unresolved);
  }

  /** One line per unmatched field. */
  public List<String> unresolved() {
    return unresolved;
  }
}
