package io.invoke4j.e2e.contract;

import io.invoke4j.adapter.http.HttpServerGateway;
import io.invoke4j.ports.ServerGateway;
import io.invoke4j.ports.ServerGatewayContract;

/** Runs {@link ServerGatewayContract} against the real server at {@code INVOKEAI_URL}. */
class HttpServerGatewayContractIT extends ServerGatewayContract {
  private final RealServer server = new RealServer();
  private final HttpServerGateway serverGateway = new HttpServerGateway(server.http);

  @Override
  protected ServerGateway server() {
    return serverGateway;
  }

  @Override
  protected void afterContract() {
    server.close();
  }
}
