package io.invoke4j.arch.violations.adapter.fs;

import java.util.logging.Logger;

/** Breaks: no java.util.logging. */
public final class JulStore {
  private static final Logger log = Logger.getLogger(JulStore.class.getName());

  void report() {
    log.info("stored");
  }
}
