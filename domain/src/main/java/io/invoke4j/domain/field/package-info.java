/**
 * Typed values of workflow input fields: the sealed {@link io.invoke4j.domain.field.FieldValue}
 * family, the {@link io.invoke4j.domain.field.FieldType} of a field, and the extensible
 * {@link io.invoke4j.domain.field.FieldTyper} that decides a field's type from what a workflow file
 * carries (offline) or, later, from the server's OpenAPI schema.
 */
package io.invoke4j.domain.field;
