package io.invoke4j.adapter.memory;

import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.EventStreamContract;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.QueueGateway;

/** Runs {@link EventStreamContract} against a fresh {@link MemoryInvokeAI} per test. */
class MemoryEventStreamTest extends EventStreamContract {
  private final MemoryInvokeAI invoke = MemoryInvokeAI.create();

  @Override
  protected EventStream events() {
    return invoke.events();
  }

  @Override
  protected QueueGateway queue() {
    return invoke.queue();
  }

  @Override
  protected ImageGateway images() {
    return invoke.images();
  }

  @Override
  protected void afterContract() {
    invoke.close();
  }
}
