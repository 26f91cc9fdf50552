package io.invoke4j.arch.violations.adapter.fs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Breaks: loggers are {@code private static final Logger log}. */
public final class PublicLoggerStore {
  public static Logger LOG = LoggerFactory.getLogger(PublicLoggerStore.class);
}
