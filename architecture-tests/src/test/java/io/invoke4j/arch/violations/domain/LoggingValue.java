package io.invoke4j.arch.violations.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Breaks: the domain does not log (its logger itself is declared correctly). */
public final class LoggingValue {
  private static final Logger log = LoggerFactory.getLogger(LoggingValue.class);

  void touch() {
    log.debug("touched");
  }
}
