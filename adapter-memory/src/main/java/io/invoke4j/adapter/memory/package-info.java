/**
 * An in-memory InvokeAI: every port implemented without a server, for users' tests.
 */
package io.invoke4j.adapter.memory;
