package io.invoke4j.adapter.memory;

import io.invoke4j.ports.ServerGateway;
import io.invoke4j.ports.ServerGatewayContract;

/** Runs {@link ServerGatewayContract} against a fresh {@link MemoryInvokeAI} per test. */
class MemoryServerGatewayTest extends ServerGatewayContract {
  private final MemoryInvokeAI invoke = MemoryInvokeAI.create();

  @Override
  protected ServerGateway server() {
    return invoke.server();
  }

  @Override
  protected void afterContract() {
    invoke.close();
  }
}
