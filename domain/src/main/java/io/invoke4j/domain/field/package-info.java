/**
 * Typed values of workflow input fields: the sealed {@link io.invoke4j.domain.field.FieldValue}
 * family, the {@link io.invoke4j.domain.field.FieldType} of a field, and the extensible
 * {@link io.invoke4j.domain.field.FieldTyper} that decides a field's type from what a workflow file
 * carries (offline) or from the server's node templates
 * ({@link io.invoke4j.domain.field.NodeTemplates}, read from its OpenAPI schema as the GUI reads it),
 * which also give the GUI's titles and the constraints a value is checked against
 * ({@link io.invoke4j.domain.field.FieldTemplate#validate(FieldValue)}).
 */
package io.invoke4j.domain.field;
