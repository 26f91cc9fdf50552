package io.invoke4j.e2e.contract;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.SweepContract;

/** Runs {@link SweepContract} through {@link InvokeAIClient} against the real server at {@code INVOKEAI_URL}. */
class HttpSweepContractIT extends SweepContract {
  private final InvokeAIClient client = InvokeAIClient.fromUrl(invokeAiUrl());

  /** {@code INVOKEAI_URL}; missing fails, never skips. */
  static String invokeAiUrl() {
    String url = System.getenv("INVOKEAI_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("INVOKEAI_URL is not set: the contract ITs need a real InvokeAI server");
    }
    return url;
  }

  @Override
  protected InvokeAIClient client() {
    return client;
  }

  @Override
  protected void afterContract() {
    client.close();
  }
}
