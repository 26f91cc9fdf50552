package io.invoke4j.e2e.contract;

import io.invoke4j.adapter.http.HttpSettings;
import io.invoke4j.adapter.http.InvokeHttp;
import io.invoke4j.adapter.http.SocketIoEventStream;
import java.net.URI;
import java.util.Optional;

/** The real server the contract ITs run against: {@code INVOKEAI_URL}; missing fails, never skips. */
final class RealServer implements AutoCloseable {
  final URI url;
  final InvokeHttp http;

  RealServer() {
    String env = System.getenv("INVOKEAI_URL");
    if (env == null || env.isBlank()) {
      throw new IllegalStateException("INVOKEAI_URL is not set: the contract ITs need a real InvokeAI server");
    }
    url = URI.create(env);
    http = InvokeHttp.create(HttpSettings.builder().baseUrl(url).build());
  }

  SocketIoEventStream events() {
    return SocketIoEventStream.create(url, Optional::empty, "default");
  }

  @Override
  public void close() {
    http.close();
  }
}
