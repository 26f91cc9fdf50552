package io.invoke4j.arch.violations.app;

import picocli.CommandLine;

/** Breaks: picocli only in app.cli. */
public final class CommandRunner {
  int run(Object command) {
    return new CommandLine(command).execute();
  }
}
