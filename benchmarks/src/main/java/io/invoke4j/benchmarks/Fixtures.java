package io.invoke4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared fixtures are: {@code -Dinvoke4j.fixtures=DIR}, else {@code $INVOKE4J_FIXTURES}
 * (JMH forks inherit the environment, not the system properties), else {@code ../shared/fixtures}
 * from the working directory (the repository root when run by {@code scripts/bench-java}).
 */
final class Fixtures {
  private Fixtures() {}

  static Path root() {
    String dir = System.getProperty("invoke4j.fixtures");
    if (dir == null || dir.isBlank()) {
      dir = System.getenv("INVOKE4J_FIXTURES");
    }
    if (dir == null || dir.isBlank()) {
      dir = "../shared/fixtures";
    }
    Path root = Path.of(dir).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("no fixtures at " + root + " (set INVOKE4J_FIXTURES)");
    }
    return root;
  }

  /** {@code gui-exported/sdxl-flux-refine} → {@code ROOT/workflows/gui-exported/sdxl-flux-refine.json}. */
  static Path workflow(String name) {
    return root().resolve("workflows").resolve(name + ".json");
  }

  static Path completedQueueItem() {
    return root().resolve("queue-items").resolve("completed-sdxl-text-to-image.json");
  }
}
