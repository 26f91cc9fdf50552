package io.invoke4j.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The model-less workflows the workflow-handle and sweep contracts run, read from this test-jar's
 * resources, and how to read their results. Both run on a CPU server without models in well under
 * a second per item, and for real on the in-memory adapter.
 *
 * <p>Every node has {@code useCache} off: with InvokeAI's node cache an identical node returns the
 * cached output, e.g. the name of an image an earlier test already deleted.
 */
public final class ContractWorkflows {
  /** {@code integer A -> add(A, B) -> div(A + B, C)}; inputs 0 A (2), 1 B (3), 2 C (1). */
  public static final String INTEGER_MATH = "integer-math.json";
  /** The {@code add} node of {@link #INTEGER_MATH}. */
  public static final String SUM = "5f0c1a2e-7d1b-4c55-9a0e-0b7e1c6f3a02";
  /** The {@code div} node of {@link #INTEGER_MATH}. */
  public static final String QUOTIENT = "5f0c1a2e-7d1b-4c55-9a0e-0b7e1c6f3a03";

  /**
   * {@code blank_image -> img_blur -> save_image}; inputs 0 width (64), 1 height (48), 2 blur
   * radius (2), 3 the save node's board ({@code auto}).
   */
  public static final String BLANK_BLUR_SAVE = "blank-blur-save.json";
  /** The {@code save_image} node of {@link #BLANK_BLUR_SAVE}. */
  public static final String SAVE = "9b7e2d40-3c6a-4f1e-8d2b-6a1f0e9c5b03";

  private ContractWorkflows() {}

  /** The workflow {@code name} (one of the constants), parsed. */
  public static WorkflowDefinition load(String name) {
    String resource = "contract/" + name;
    try (InputStream in = ContractWorkflows.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource io/invoke4j/app/" + resource);
      }
      return WorkflowDefinition.fromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code value} the node {@code sourceNodeId} of a finished item returned. */
  public static int intResult(QueueItem item, String sourceNodeId) {
    return result(item, sourceNodeId).path("value").asInt();
  }

  /** The result of the node {@code sourceNodeId} of a finished item (its single prepared copy). */
  public static JsonNode result(QueueItem item, String sourceNodeId) {
    List<String> prepared = item.sourcePreparedMapping().get(sourceNodeId);
    if (prepared == null || prepared.size() != 1) {
      throw new AssertionError("node " + sourceNodeId + " ran " + (prepared == null ? 0 : prepared.size())
          + " times in item " + item.itemId().value() + " (" + item.status() + ")");
    }
    JsonNode result = item.results().get(prepared.get(0));
    if (result == null) {
      throw new AssertionError("node " + sourceNodeId + " has no result in item " + item.itemId().value()
          + " (" + item.status() + ", " + item.errorMessage().orElse("no error") + ")");
    }
    return result;
  }
}
