package io.invoke4j.adapter.fs;

import static java.util.Objects.requireNonNull;

import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where workflows come from: a file, or a directory of exported workflows looked up by name (the
 * file's name without {@code .json}, or the {@code name} inside it, ignoring case).
 */
public final class WorkflowFiles {
  private WorkflowFiles() {}

  /**
   * The workflow at {@code path}: the file itself; or, when {@code path} does not exist but its
   * parent is a directory, the workflow there named {@code path}'s last segment.
   *
   * @throws IllegalArgumentException naming the path when nothing matches
   * @throws WorkflowFormatException when the file is not a workflow (from the domain, unchanged)
   */
  public static Path locate(Path path) {
    requireNonNull(path, "path == null");
    if (Files.isRegularFile(path)) {
      return path;
    }
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + " is a directory; name a workflow in it: " + path
          + "/NAME (workflows there: " + String.join(", ", names(path)) + ")");
    }
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null && Files.isDirectory(dir)) {
      String wanted = path.getFileName().toString();
      for (Path file : jsonFiles(dir)) {
        if (stem(file).equalsIgnoreCase(wanted)) {
          return file;
        }
      }
      for (Path file : jsonFiles(dir)) {
        if (nameOf(file).equalsIgnoreCase(wanted)) {
          return file;
        }
      }
    }
    throw new IllegalArgumentException(path + ": no such file or workflow");
  }

  /** The workflow names in {@code dir} (their file names without {@code .json}), sorted. */
  public static List<String> names(Path dir) {
    List<String> names = new ArrayList<>();
    for (Path file : jsonFiles(dir)) {
      names.add(stem(file));
    }
    return names;
  }

  private static List<Path> jsonFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list " + dir + ": " + FileOutputStore.reason(e), e);
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".json".length());
  }

  private static String nameOf(Path file) {
    try {
      return WorkflowDefinition.fromFile(file).name();
    } catch (RuntimeException e) {
      return ""; // not a workflow: not the one asked for
    }
  }
}
