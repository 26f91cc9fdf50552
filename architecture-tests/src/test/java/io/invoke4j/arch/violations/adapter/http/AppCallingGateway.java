package io.invoke4j.arch.violations.adapter.http;

import io.invoke4j.arch.violations.app.Facade;

/** Breaks: nothing depends on app. */
public final class AppCallingGateway {
  final Facade facade = new Facade();
}
