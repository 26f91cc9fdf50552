package io.invoke4j.domain.workflow;

import io.invoke4j.domain.InvokeStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the inputs of a workflow moved between two exports: old index to new index, matched by the
 * identity (node id, field name), plus the inputs removed and added. Use it to check that a
 * configuration saved by input index still means the same fields after the workflow was re-exported.
 */
@Value.Immutable
@InvokeStyle
public abstract class InputDrift {

  /** Old index to new index for every input found in both, in old-index order. */
  public abstract Map<Integer, Integer> indexMap();

  /** Inputs of the old workflow that the new one no longer has. */
  public abstract List<WorkflowInput> removed();

  /** Inputs of the new workflow that the old one did not have. */
  public abstract List<WorkflowInput> added();

  /** The new index of old input {@code oldIndex}; empty when that input was removed (or never existed). */
  public Optional<Integer> newIndex(int oldIndex) {
    return Optional.ofNullable(indexMap().get(oldIndex));
  }

  /** True when every input kept its index and none was added or removed. */
  public boolean isUnchanged() {
    return removed().isEmpty() && added().isEmpty()
        && indexMap().entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()));
  }

  /** The drift between two versions of a workflow. */
  public static InputDrift between(WorkflowDefinition before, WorkflowDefinition after) {
    Objects.requireNonNull(before, "before == null");
    Objects.requireNonNull(after, "after == null");
    return between(before.inputs(), after.inputs());
  }

  /**
   * The drift between two input lists. An identity shown twice is matched occurrence by occurrence:
   * the first old one to the first new one, and so on.
   */
  public static InputDrift between(List<WorkflowInput> before, List<WorkflowInput> after) {
    Map<List<String>, Deque<WorkflowInput>> remaining = new HashMap<>();
    for (WorkflowInput input : after) {
      remaining.computeIfAbsent(identity(input), k -> new ArrayDeque<>()).add(input);
    }
    Map<Integer, Integer> map = new LinkedHashMap<>();
    List<WorkflowInput> removed = new ArrayList<>();
    for (WorkflowInput input : before) {
      Deque<WorkflowInput> candidates = remaining.get(identity(input));
      if (candidates == null || candidates.isEmpty()) {
        removed.add(input);
      } else {
        map.put(input.index(), candidates.poll().index());
      }
    }
    List<WorkflowInput> added = new ArrayList<>();
    for (WorkflowInput input : after) {
      if (!map.containsValue(input.index())) {
        added.add(input);
      }
    }
    return ImmutableInputDrift.builder().indexMap(map).removed(removed).added(added).build();
  }

  private static List<String> identity(WorkflowInput input) {
    return List.of(input.nodeId(), input.fieldName());
  }
}
