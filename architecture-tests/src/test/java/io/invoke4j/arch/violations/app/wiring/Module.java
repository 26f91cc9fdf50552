package io.invoke4j.arch.violations.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/** Allowed: wiring may speak Guice in public. */
public final class Module extends AbstractModule {
  /** A provider method with a Guice module as its owner. */
  @Provides
  public String name() {
    return "x";
  }

  /** Allowed in wiring. */
  public static AbstractModule self() {
    return new Module();
  }
}
