package io.invoke4j.e2e.contract;

import io.invoke4j.adapter.http.HttpImageGateway;
import io.invoke4j.adapter.http.HttpQueueGateway;
import io.invoke4j.adapter.http.SocketIoEventStream;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.EventStreamContract;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.QueueGateway;

/** Runs {@link EventStreamContract} against the real server at {@code INVOKEAI_URL}. */
class HttpEventStreamContractIT extends EventStreamContract {
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
  }  private final SocketIoEventStream events = server.events();

  @Override
  protected EventStream events() {
    return events;
  }

  @Override
  protected void afterContract() {
    server.close();
  }
}
