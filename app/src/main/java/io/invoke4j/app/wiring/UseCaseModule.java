package io.invoke4j.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.invoke4j.app.usecase.WorkflowRepository;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ModelGateway;
import io.invoke4j.ports.QueueGateway;
import io.invoke4j.ports.ServerGateway;
import io.invoke4j.ports.VideoGateway;
import io.invoke4j.ports.WorkflowLibrary;
import java.util.concurrent.Executor;

/** Builds the use cases over whatever the ports are bound to. */
public final class UseCaseModule extends AbstractModule {
  private final Executor waitExecutor;

  /** A module whose asynchronous waits run on {@code waitExecutor}. */
  public UseCaseModule(Executor waitExecutor) {
    this.waitExecutor = requireNonNull(waitExecutor, "waitExecutor == null");
  }

  @Provides
  @Singleton
  WorkflowRepository workflowRepository(QueueGateway queue, ImageGateway images, ModelGateway models,
      ServerGateway server, EventStream events, WorkflowLibrary library, BoardGateway boards, Injector injector) {
    // not every set of ports has the server's videos (InvokeAIClient falls back the same way)
    Binding<VideoGateway> videos = injector.getExistingBinding(Key.get(VideoGateway.class));
    return videos == null
        ? new WorkflowRepository(queue, images, models, server, events, library, boards, waitExecutor)
        : new WorkflowRepository(queue, images, models, server, events, library, boards,
            videos.getProvider().get(), waitExecutor);
  }
}
