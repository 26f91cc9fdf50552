/**
 * Turning a GUI workflow into what InvokeAI's queue runs, and reading back what it produced.
 *
 * <p>Everything here is pure: the workflow is a Jackson tree of the GUI's exported workflow JSON
 * (with the user's values already in {@code nodes[].data.inputs.<field>.value}), and the results are
 * Jackson trees ready to send. The rules follow the InvokeAI web UI, which is the reference for what
 * the server accepts:
 *
 * <ul>
 *   <li>{@link io.invoke4j.domain.queue.GraphBuilder} - the executable graph, as the GUI's
 *       {@code buildNodesGraph.ts};
 *   <li>{@link io.invoke4j.domain.queue.BatchData} / {@link io.invoke4j.domain.queue.Sweep} - the
 *       batch {@code data} (zip groups inside, cartesian product outside), from the workflow's batch
 *       nodes as the GUI's {@code useEnqueueWorkflows.ts}, plus sweeps added from code;
 *   <li>{@link io.invoke4j.domain.queue.EnqueueRequest} - the body of {@code POST enqueue_batch};
 *   <li>{@link io.invoke4j.domain.queue.OutputMapper} - image names per output node of a finished
 *       queue item.
 * </ul>
 */
package io.invoke4j.domain.queue;
