package io.invoke4j.arch.violations.app;

import com.google.inject.Guice;
import com.google.inject.Injector;

/** Allowed: app uses Guice inside. Breaks: a public method hands out the Injector. */
public final class Facade {
  final Injector injector = Guice.createInjector();

  /** Breaks the no-Guice-in-signatures rule. */
  public Injector injector() {
    return injector;
  }

  /** Allowed: Guice stays inside. */
  public String name() {
    return injector.toString();
  }
}
