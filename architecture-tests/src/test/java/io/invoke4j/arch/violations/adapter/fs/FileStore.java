package io.invoke4j.arch.violations.adapter.fs;

/** Allowed: an adapter on its own. */
public final class FileStore {
  public String root() {
    return "/tmp";
  }
}
