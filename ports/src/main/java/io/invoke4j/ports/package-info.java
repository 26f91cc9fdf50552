/**
 * The gateways to an InvokeAI server, one per server area: {@link io.invoke4j.ports.QueueGateway},
 * {@link io.invoke4j.ports.ImageGateway}, {@link io.invoke4j.ports.VideoGateway},
 * {@link io.invoke4j.ports.BoardGateway},
 * {@link io.invoke4j.ports.ModelGateway}, {@link io.invoke4j.ports.WorkflowLibrary},
 * {@link io.invoke4j.ports.ServerGateway} and {@link io.invoke4j.ports.EventStream}. Plain interfaces
 * over domain values; adapter-http implements them over HTTP and Socket.IO.
 */
package io.invoke4j.ports;
