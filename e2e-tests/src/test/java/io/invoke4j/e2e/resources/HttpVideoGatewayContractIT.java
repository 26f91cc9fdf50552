package io.invoke4j.e2e.resources;

import io.invoke4j.adapter.http.HttpBoardGateway;
import io.invoke4j.adapter.http.HttpSettings;
import io.invoke4j.adapter.http.HttpVideoGateway;
import io.invoke4j.adapter.http.InvokeHttp;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.VideoGateway;
import io.invoke4j.ports.VideoGatewayContract;
import java.net.URI;

/** Runs {@link VideoGatewayContract} against the real single-user server (which takes MP4 uploads). */
class HttpVideoGatewayContractIT extends VideoGatewayContract {
  private final InvokeHttp http = InvokeHttp.create(HttpSettings.builder()
      .baseUrl(URI.create(Servers.env("INVOKEAI_URL", "the video contract needs a real InvokeAI server"))).build());

  @Override
  protected VideoGateway videos() {
    return new HttpVideoGateway(http);
  }

  @Override
  protected BoardGateway boards() {
    return new HttpBoardGateway(http);
  }

  @Override
  protected void afterContract() {
    http.close();
  }
}
