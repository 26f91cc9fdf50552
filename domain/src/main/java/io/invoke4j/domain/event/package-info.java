/**
 * What the server reports live over its event stream (Socket.IO), as typed values: queue item
 * status changes, node progress and results, batches enqueued, queues cleared, model installs
 * ({@link io.invoke4j.domain.event.ModelInstallEvent}) and model loads
 * ({@link io.invoke4j.domain.event.ModelLoadEvent}).
 * {@link io.invoke4j.domain.event.InvokeEvent} is the common type; anything this version does not
 * model arrives as {@link io.invoke4j.domain.event.OtherEvent} with its name and JSON.
 */
package io.invoke4j.domain.event;
