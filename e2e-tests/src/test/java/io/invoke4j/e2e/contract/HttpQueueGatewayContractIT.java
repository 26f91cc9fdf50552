package io.invoke4j.e2e.contract;

import io.invoke4j.adapter.http.HttpImageGateway;
import io.invoke4j.adapter.http.HttpQueueGateway;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.QueueGateway;
import io.invoke4j.ports.QueueGatewayContract;

/** Runs {@link QueueGatewayContract} against the real server at {@code INVOKEAI_URL}. */
class HttpQueueGatewayContractIT extends QueueGatewayContract {
  private final RealServer server = new RealServer();
  private final HttpQueueGateway queue = new HttpQueueGateway(server.http);

  @Override
  protected QueueGateway queue() {
    return queue;
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
