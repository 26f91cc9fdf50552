/**
 * AI models (not "domain model"): matching the model a workflow references to a model installed on
 * a server, see {@link io.invoke4j.domain.models.ModelMatcher}.
 */
package io.invoke4j.domain.models;
