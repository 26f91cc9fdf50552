package io.invoke4j.app;

/** Runs {@link SweepContract} against {@link InvokeAIClient#inMemory()}, a fresh one per test. */
class InMemorySweepContractTest extends SweepContract {
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
