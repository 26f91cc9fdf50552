package io.invoke4j.domain.queue;

/** Where {@link OutputMapper} found a node's images, most reliable first. */
public enum Tier {
  /** {@code session.results} of the node's prepared copies, via {@code prepared_source_mapping}. */
  RESULTS,
  /** A legacy top-level {@code outputs} list of {@code {node_id, image: {image_name}}}. */
  LEGACY_OUTPUTS,
  /**
   * The image values the node's consumers received along its outgoing edges in
   * {@code session.execution_graph} (used when results were not kept).
   */
  GRAPH_TRAVERSAL,
  /** Nothing found: the node is still listed, with no images, so no output is silently dropped. */
  NONE
}
