package io.invoke4j.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code sweep} share. */
final class RunOptions {
  private final Map<String, String> env;

  @Option(names = "--set", paramLabel = "INDEX=VALUE",
      description = "Set form input INDEX (or its LABEL, see 'inputs') to VALUE, parsed for the input's type;"
          + " for an image input, a local file is uploaded for the run. Repeatable.")
  List<String> sets = List.of();

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1", description = "Runs of the batch (default 1).")
  int runs;

  @Option(names = "--auto-board", paramLabel = "BOARD_ID",
      description = "Board for board inputs set to 'auto' (default: uncategorized).")
  String autoBoard;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
      description = "Where output images and their JSON sidecars are saved (default: the current directory).")
  Path out;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "Record the run in FILE; running the same command again resumes it instead of enqueueing again.")
  Path journal;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
      description = "Give up waiting after this long (default 3600); the items keep running on the server.")
  long timeoutSeconds;

  @Option(names = "--sync-models",
      description = "Point model fields at installed models (same key/hash, else name, else base) before sending.")
  boolean syncModels;

  @Option(names = "--json", description = "Print the result as JSON on stdout (progress stays on stderr).")
  boolean json;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "auto (a live bar on a terminal, lines otherwise), bar, lines or none.")
  Progress.Mode progress;

  RunOptions(Map<String, String> env) {
    this.env = env;
  }

  /** Whether stderr looks like a terminal: a console is attached and TERM is not "dumb". */
  boolean terminal() {
    return System.console() != null && !"dumb".equals(env.get("TERM"));
  }
}
