package io.invoke4j.e2e.contract;

import io.invoke4j.adapter.http.HttpModelGateway;
import io.invoke4j.ports.ModelGateway;
import io.invoke4j.ports.ModelGatewayContract;

/** Runs {@link ModelGatewayContract} against the real server at {@code INVOKEAI_URL}. */
class HttpModelGatewayContractIT extends ModelGatewayContract {
  private final RealServer server = new RealServer();
  private final HttpModelGateway models = new HttpModelGateway(server.http);

  @Override
  protected ModelGateway models() {
    return models;
  }

  @Override
  protected void afterContract() {
    server.close();
  }
}
