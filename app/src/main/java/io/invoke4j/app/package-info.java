/**
 * The invoke4j facade: {@link io.invoke4j.app.InvokeAIClient}, the client of one InvokeAI server.
 * Workflows are run through its {@code workflowRepo()} ({@link io.invoke4j.app.usecase}); the other
 * accessors are the ports ({@link io.invoke4j.ports}).
 */
package io.invoke4j.app;
