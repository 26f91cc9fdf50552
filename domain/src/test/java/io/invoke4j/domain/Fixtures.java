package io.invoke4j.domain;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared real-world fixtures ({@code ../shared/fixtures}), read in place and never copied into the
 * repository. The folder comes from the system property {@code invoke4j.fixtures} (set by the build),
 * else {@code ../shared/fixtures} from the working directory's repository root. Without the folder a
 * test is skipped on a developer's machine but fails when {@code CI=true}: CI must never pass by not
 * looking.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The fixtures folder; skips (or, with CI=true, fails) the calling test when it is missing. */
  public static Path root() {
    Path root = configuredRoot();
    if (!Files.isDirectory(root)) {
      String message = "fixtures folder not found: " + root.toAbsolutePath().normalize()
          + " (set -Dinvoke4j.fixtures=<path to shared/fixtures>)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      assumeTrue(false, message);
    }
    return root;
  }

  /** A file below the fixtures folder, e.g. {@code workflows/gui-exported/copy-image.json}. */
  public static Path file(String relative) {
    Path file = root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("fixture missing: " + file);
    }
    return file;
  }

  /** Every workflow JSON below {@code workflows/}, sorted by path. */
  public static List<Path> workflows() {
    try (Stream<Path> files = Files.walk(root().resolve("workflows"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(String relative) {
    try {
      return Files.readString(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path configuredRoot() {
    String configured = System.getProperty("invoke4j.fixtures");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve(".git")) || Files.isRegularFile(dir.resolve(".git"))) {
        return dir.resolve("../shared/fixtures").normalize();
      }
      dir = dir.getParent();
    }
    return Path.of("../shared/fixtures");
  }
}
