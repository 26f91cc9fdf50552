package io.invoke4j.domain.queue;

import io.invoke4j.domain.InvokeStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.immutables.value.Value;

/**
 * A parameter sweep from code, run by the server from one enqueue request through the same batch
 * {@code data} the GUI's batch nodes use.
 *
 * <pre>{@code
 * Sweep.product(
 *     Sweep.of("noise", "seed", 1, 2, 3),                         // 3 values ...
 *     Sweep.zip(BatchDatum.of("denoise", "steps", List.of(20, 30)), // ... times 2 pairs
 *               BatchDatum.of("denoise", "cfg_scale", List.of(5.0, 7.5))))
 * // 6 sessions per run
 * }</pre>
 */
@Value.Immutable(builder = false)
@InvokeStyle
public abstract class Sweep {
  /** The zip groups of this sweep, multiplied with each other and with the workflow's own. */
  @Value.Parameter
  public abstract List<List<BatchDatum>> groups();

  /** One field over these values. */
  public static Sweep of(String nodeId, String fieldName, Object... values) {
    return zip(BatchDatum.of(nodeId, fieldName, Arrays.asList(values)));
  }

  /**
   * Datums that advance together (one zip group).
   *
   * @throws IllegalArgumentException if there are none or their lengths differ
   */
  public static Sweep zip(BatchDatum... datums) {
    return create(List.of(List.of(datums)));
  }

  /** Every combination of the given sweeps (their groups side by side). */
  public static Sweep product(Sweep... sweeps) {
    List<List<BatchDatum>> groups = new ArrayList<>();
    for (Sweep sweep : sweeps) {
      groups.addAll(sweep.groups());
    }
    return create(groups);
  }

  /** The number of sessions this sweep alone gives per run. */
  public int sessionCount() {
    return BatchData.of(groups()).sessionCount();
  }

  private static Sweep create(List<List<BatchDatum>> groups) {
    BatchData.of(groups); // same invariants as request data
    return ImmutableSweep.of(groups);
  }
}
