package io.invoke4j.adapter.memory;

import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.QueueGateway;
import io.invoke4j.ports.QueueGatewayContract;

/** Runs {@link QueueGatewayContract} against a fresh {@link MemoryInvokeAI} per test. */
class MemoryQueueGatewayTest extends QueueGatewayContract {
  private final MemoryInvokeAI invoke = MemoryInvokeAI.create();

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
