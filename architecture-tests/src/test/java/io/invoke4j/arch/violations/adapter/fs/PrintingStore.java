package io.invoke4j.arch.violations.adapter.fs;

/** Breaks: no System.out/err outside app.cli. */
public final class PrintingStore {
  void report() {
    System.out.println("stored");
  }
}
