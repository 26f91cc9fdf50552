package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.field.ModelValue;
import io.invoke4j.domain.models.ModelRecord;
import java.util.Optional;

/**
 * One model field {@link WorkflowHandle#syncDnnModel} changed: the identifier the workflow carried
 * and the one of the installed model that replaced it (the Python client's {@code (original,
 * resolved)} pair).
 *
 * @param nodeId the node holding the field
 * @param fieldName the field, e.g. {@code model}
 * @param inputIndex the form input showing the field, when it is one
 * @param original the identifier before (as the workflow had it; may lack attributes)
 * @param resolved the identifier written instead
 * @param model the installed model chosen
 * @param strategy how it was found
 */
public record ModelSync(String nodeId, String fieldName, Optional<Integer> inputIndex, JsonNode original,
    ModelValue resolved, ModelRecord model, Strategy strategy) {

  /** How the installed model was found, strongest first. */
  public enum Strategy {
    /** Same key or same file hash. */
    KEY_OR_HASH,
    /** Same name (and base and type; the name compared ignoring case), when matching by name. */
    NAME,
    /** Only the same base (same type preferred), when matching by base. */
    BASE
  }

  /** Checks the parts; {@code original} is copied. */
  public ModelSync {
    requireNonNull(nodeId, "nodeId == null");
    requireNonNull(fieldName, "fieldName == null");
    requireNonNull(inputIndex, "inputIndex == null");
    original = requireNonNull(original, "original == null").deepCopy();
    requireNonNull(resolved, "resolved == null");
    requireNonNull(model, "model == null");
    requireNonNull(strategy, "strategy == null");
  }
}
