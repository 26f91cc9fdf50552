package io.invoke4j.arch.violations.domain;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Allowed: reading a file, and a PrintWriter on memory. */
public final class FileReadingValue {
  String load(Path path) throws IOException {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      out.print(Files.readString(path));
    }
    return text.toString();
  }
}
