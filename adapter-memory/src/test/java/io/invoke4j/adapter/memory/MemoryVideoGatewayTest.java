package io.invoke4j.adapter.memory;

import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.VideoGateway;
import io.invoke4j.ports.VideoGatewayContract;

/** Runs {@link VideoGatewayContract} against a fresh {@link MemoryInvokeAI} per test. */
class MemoryVideoGatewayTest extends VideoGatewayContract {
  private final MemoryInvokeAI invoke = MemoryInvokeAI.create();

  @Override
  protected VideoGateway videos() {
    return invoke.videos();
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
