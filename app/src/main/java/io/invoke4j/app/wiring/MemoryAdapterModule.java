package io.invoke4j.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.EventStream;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ModelGateway;
import io.invoke4j.ports.QueueGateway;
import io.invoke4j.ports.ServerGateway;
import io.invoke4j.ports.WorkflowLibrary;

/**
 * Binds every port to the fakes of one {@link MemoryInvokeAI}, so the client runs against an
 * InvokeAI in memory. Combine with {@link SwappedPortsModule} through {@code Modules.override} to
 * replace some ports.
 */
public final class MemoryAdapterModule extends AbstractModule {
  private final MemoryInvokeAI invoke;

  /** A module over {@code invoke}; the module neither starts nor closes it. */
  public MemoryAdapterModule(MemoryInvokeAI invoke) {
    this.invoke = requireNonNull(invoke, "invoke == null");
  }

  @Provides
  @Singleton
  QueueGateway queue() {
    return invoke.queue();
  }

  @Provides
  @Singleton
  ImageGateway images() {
    return invoke.images();
  }

  @Provides
  @Singleton
  BoardGateway boards() {
    return invoke.boards();
  }

  @Provides
  @Singleton
  ModelGateway models() {
    return invoke.models();
  }

  @Provides
  @Singleton
  WorkflowLibrary workflowLibrary() {
    return invoke.workflows();
  }

  @Provides
  @Singleton
  ServerGateway server() {
    return invoke.server();
  }

  @Provides
  @Singleton
  EventStream events() {
    return invoke.events();
  }
}
