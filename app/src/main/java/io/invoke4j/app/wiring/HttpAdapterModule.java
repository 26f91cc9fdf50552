package io.invoke4j.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.invoke4j.adapter.http.HttpBoardGateway;
import io.invoke4j.adapter.http.HttpImageGateway;
import io.invoke4j.adapter.http.HttpModelGateway;
import io.invoke4j.adapter.http.HttpQueueGateway;
import io.invoke4j.adapter.http.HttpServerGateway;
import io.invoke4j.adapter.http.HttpSettings;
import io.invoke4j.adapter.http.HttpVideoGateway;
import io.invoke4j.adapter.http.HttpWorkflowLibrary;
import io.invoke4j.adapter.http.InvokeHttp;
import io.invoke4j.adapter.http.SocketIoEventStream;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ModelGateway;
import io.invoke4j.ports.QueueGateway;
import io.invoke4j.ports.ServerGateway;
import io.invoke4j.ports.VideoGateway;
import io.invoke4j.ports.WorkflowLibrary;

/**
 * Binds every port to adapter-http over one shared {@link InvokeHttp} connection and the Socket.IO
 * event stream. Combine with {@link SwappedPortsModule} through {@code Modules.override} to replace
 * some ports.
 */
public final class HttpAdapterModule extends AbstractModule {
  private final HttpSettings settings;

  /** A module for the server {@code settings} describe. */
  public HttpAdapterModule(HttpSettings settings) {
    this.settings = requireNonNull(settings, "settings == null");
  }

  @Provides
  @Singleton
  InvokeHttp http() {
    return InvokeHttp.create(settings);
  }

  @Provides
  @Singleton
  QueueGateway queue(InvokeHttp http) {
    return new HttpQueueGateway(http);
  }

  @Provides
  @Singleton
  ImageGateway images(InvokeHttp http) {
    return new HttpImageGateway(http);
  }

  @Provides
  @Singleton
  VideoGateway videos(InvokeHttp http) {
    return new HttpVideoGateway(http);
  }

  @Provides
  @Singleton
  BoardGateway boards(InvokeHttp http) {
    return new HttpBoardGateway(http);
  }

  @Provides
  @Singleton
  ModelGateway models(InvokeHttp http) {
    return new HttpModelGateway(http);
  }

  @Provides
  @Singleton
  WorkflowLibrary workflowLibrary(InvokeHttp http) {
    return new HttpWorkflowLibrary(http);
  }

  @Provides
  @Singleton
  ServerGateway server(InvokeHttp http) {
    return new HttpServerGateway(http);
  }

  @Provides
  @Singleton
  EventStream events(InvokeHttp http) {
    // the token is asked anew on each connection attempt, so a re-login is picked up
    return SocketIoEventStream.create(http.baseUri(), http::currentToken, settings.queueId());
  }
}
