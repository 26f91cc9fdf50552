package io.invoke4j.adapter.memory;

import io.invoke4j.ports.ModelGateway;
import io.invoke4j.ports.ModelGatewayContract;

/** Runs {@link ModelGatewayContract} against a fresh {@link MemoryInvokeAI} per test. */
class MemoryModelGatewayTest extends ModelGatewayContract {
  private final MemoryInvokeAI invoke = MemoryInvokeAI.create();

  @Override
  protected ModelGateway models() {
    return invoke.models();
  }

  @Override
  protected void afterContract() {
    invoke.close();
  }
}
