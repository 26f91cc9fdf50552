package io.invoke4j.app.usecase;

/**
 * How far a sweep is: its items by status, as last seen by its waiter.
 *
 * @param total how many items the sweep has
 * @param completed items completed
 * @param failed items failed
 * @param canceled items canceled
 */
public record SweepProgress(int total, int completed, int failed, int canceled) {
  /** Items not finished yet (pending or running). */
  public int unfinished() {
    return total - completed - failed - canceled;
  }

  /** Whether every item finished. */
  public boolean isDone() {
    return unfinished() == 0;
  }
}
