/**
 * Guice modules that put the client together: {@link io.invoke4j.app.wiring.HttpAdapterModule}
 * (the ports over HTTP and Socket.IO), {@link io.invoke4j.app.wiring.MemoryAdapterModule} (the
 * ports over an InvokeAI in memory), {@link io.invoke4j.app.wiring.SwappedPortsModule} (ports a
 * caller supplied) and {@link io.invoke4j.app.wiring.UseCaseModule}. Only
 * {@link io.invoke4j.app.InvokeAIClient} creates an injector from them; no Guice type reaches the
 * public API.
 */
package io.invoke4j.app.wiring;
