package io.invoke4j.app.usecase;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a saved input index map ({@link WorkflowHandle#exportInputIndexMap()}) differs from the
 * workflow now, matched by node id and field name as the domain's
 * {@link io.invoke4j.domain.workflow.InputDrift}.
 *
 * @param indexMap saved index to current index for every saved input still present
 * @param removed saved inputs the workflow no longer has
 * @param added current inputs the saved map did not have
 */
public record InputMapDrift(Map<Integer, Integer> indexMap, List<InputRef> removed, List<InputRef> added) {
  /** Copies the parts. */
  public InputMapDrift {
    indexMap = Map.copyOf(indexMap);
    removed = List.copyOf(removed);
    added = List.copyOf(added);
  }

  /** The current index of saved input {@code savedIndex}; empty when it was removed. */
  public Optional<Integer> newIndex(int savedIndex) {
    return Optional.ofNullable(indexMap.get(savedIndex));
  }

  /** True when every saved index still means the same field and nothing was added or removed. */
  public boolean isUnchanged() {
    return removed.isEmpty() && added.isEmpty()
        && indexMap.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()));
  }
}
