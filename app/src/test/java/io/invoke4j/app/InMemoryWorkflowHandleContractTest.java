package io.invoke4j.app;

/** Runs {@link WorkflowHandleContract} against {@link InvokeAIClient#inMemory()}, a fresh one per test. */
class InMemoryWorkflowHandleContractTest extends WorkflowHandleContract {
  private final InvokeAIClient client = InvokeAIClient.inMemory();

  @Override
  protected InvokeAIClient client() {
    return client;
  }

  @Override
  protected void afterContract() {
    client.close();
  }
}
