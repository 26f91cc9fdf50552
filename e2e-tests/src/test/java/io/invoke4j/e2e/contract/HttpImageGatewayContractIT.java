package io.invoke4j.e2e.contract;

import io.invoke4j.adapter.http.HttpBoardGateway;
import io.invoke4j.adapter.http.HttpImageGateway;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ImageGatewayContract;

/** Runs {@link ImageGatewayContract} against the real server at {@code INVOKEAI_URL}. */
class HttpImageGatewayContractIT extends ImageGatewayContract {
  private final RealServer server = new RealServer();
  private final HttpImageGateway images = new HttpImageGateway(server.http);

  @Override
  protected ImageGateway images() {
    return images;
  }

  private final HttpBoardGateway boards = new HttpBoardGateway(server.http);

  @Override
  protected BoardGateway boards() {
    return boards;
  }

  @Override
  protected void afterContract() {
    server.close();
  }
}
