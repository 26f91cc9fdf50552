/**
 * An in-memory InvokeAI behind the ports, for tests without a server: {@link
 * io.invoke4j.adapter.memory.MemoryInvokeAI} holds the state and hands out one fake per port
 * ({@link io.invoke4j.adapter.memory.FakeQueueGateway}, {@link
 * io.invoke4j.adapter.memory.FakeImageGateway}, ...). It runs model-less nodes for real with
 * {@code java.awt} imaging, and is held to the real server's behaviour by the contract suites of
 * the ports test-jar.
 */
package io.invoke4j.adapter.memory;
