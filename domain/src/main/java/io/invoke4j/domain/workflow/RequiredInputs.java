package io.invoke4j.domain.workflow;

import io.invoke4j.domain.field.BuiltInNodes;

/**
 * Whether an input must be fed (by a value or a connection) when the file does not say: the
 * built-in nodes' schema table ({@code orig_required}); unknown (custom) nodes count as optional.
 */
final class RequiredInputs {
  private RequiredInputs() {}

  static boolean isRequired(String nodeType, String fieldName) {
    return BuiltInNodes.shipped().required(nodeType, fieldName).orElse(false);
  }
}
