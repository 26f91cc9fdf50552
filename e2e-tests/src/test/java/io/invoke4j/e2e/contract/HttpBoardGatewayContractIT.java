package io.invoke4j.e2e.contract;

import io.invoke4j.adapter.http.HttpBoardGateway;
import io.invoke4j.adapter.http.HttpImageGateway;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.BoardGatewayContract;
import io.invoke4j.ports.ImageGateway;

/** Runs {@link BoardGatewayContract} against the real server at {@code INVOKEAI_URL}. */
class HttpBoardGatewayContractIT extends BoardGatewayContract {
  private final RealServer server = new RealServer();
  private final HttpBoardGateway boards = new HttpBoardGateway(server.http);

  @Override
  protected BoardGateway boards() {
    return boards;
  }

  private final HttpImageGateway images = new HttpImageGateway(server.http);

  @Override
  protected ImageGateway images() {
    return images;
  }

  @Override
  protected void afterContract() {
    server.close();
  }
}
