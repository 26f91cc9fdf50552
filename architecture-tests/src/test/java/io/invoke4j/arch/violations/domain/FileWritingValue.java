package io.invoke4j.arch.violations.domain;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Breaks: the domain writes no files. */
public final class FileWritingValue {
  void save(Path path) throws IOException {
    Files.writeString(path, "x");
  }

  PrintWriter open(File file) throws FileNotFoundException {
    return new PrintWriter(file);
  }
}
