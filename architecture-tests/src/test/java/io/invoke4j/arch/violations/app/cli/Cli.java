package io.invoke4j.arch.violations.app.cli;

import picocli.CommandLine;

/** Allowed: the CLI uses picocli and prints. */
public final class Cli {
  void run(Object command) {
    System.out.println(new CommandLine(command).execute());
  }
}
