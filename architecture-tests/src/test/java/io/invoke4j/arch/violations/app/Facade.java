package io.invoke4j.arch.violations.app;

import com.google.inject.Guice;
import com.google.inject.Injector;

/** Allowed: app uses Guice. */
public final class Facade {
  final Injector injector = Guice.createInjector();
}
