/**
 * Use cases over the domain and the ports, shared by the facade and the command line:
 * {@link io.invoke4j.app.usecase.WorkflowRepository} makes a
 * {@link io.invoke4j.app.usecase.WorkflowHandle} (set inputs by index, submit once or as a
 * {@link io.invoke4j.app.usecase.SweepHandle sweep}, wait event-driven, map outputs to images, sync
 * model fields), and {@link io.invoke4j.app.usecase.WorkflowRequests} builds requests without a
 * server.
 */
package io.invoke4j.app.usecase;
