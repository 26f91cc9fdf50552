package io.invoke4j.adapter.memory;

import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ImageGatewayContract;

/** Runs {@link ImageGatewayContract} against a fresh {@link MemoryInvokeAI} per test. */
class MemoryImageGatewayTest extends ImageGatewayContract {
  private final MemoryInvokeAI invoke = MemoryInvokeAI.create();

  @Override
  protected ImageGateway images() {
    return invoke.images();
  }

  @Override
  protected BoardGateway boards() {
    return invoke.boards();
  }

  @Override
  protected void afterContract() {
    invoke.close();
  }
}
