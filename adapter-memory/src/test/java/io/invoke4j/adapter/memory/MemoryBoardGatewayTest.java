package io.invoke4j.adapter.memory;

import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.BoardGatewayContract;
import io.invoke4j.ports.ImageGateway;

/** Runs {@link BoardGatewayContract} against a fresh {@link MemoryInvokeAI} per test. */
class MemoryBoardGatewayTest extends BoardGatewayContract {
  private final MemoryInvokeAI invoke = MemoryInvokeAI.create();

  @Override
  protected BoardGateway boards() {
    return invoke.boards();
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
