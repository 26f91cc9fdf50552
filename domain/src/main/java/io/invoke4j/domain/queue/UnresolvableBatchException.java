package io.invoke4j.domain.queue;

import io.invoke4j.domain.InvokeException;

/**
 * A generator node whose values only the server can produce (images from a board, dynamic prompts),
 * so the batch cannot be built offline.
 *
 * <p>An {@link InvokeException} rather than an {@link IllegalArgumentException}: the workflow is
 * valid and the GUI would run it; what is missing is a server round trip, which a layer that has a
 * server (the app's use cases) can supply by catching this and resolving the values itself.
 */
public final class UnresolvableBatchException extends InvokeException {
  private static final long serialVersionUID = 1L;

  private final String nodeId;
  private final String generatorType;

  /** For generator node {@code nodeId} whose value type is {@code generatorType}. */
  public UnresolvableBatchException(String nodeId, String generatorType) {
    super("generator node " + nodeId + " (" + generatorType
        + ") needs the server to resolve its values; resolve them and pass them as a sweep");
    this.nodeId = nodeId;
    this.generatorType = generatorType;
  }

  /** The id of the generator node in the workflow. */
  public String nodeId() {
    return nodeId;
  }

  /** The generator's value type, e.g. {@code image_generator_images_from_board}. */
  public String generatorType() {
    return generatorType;
  }
}
