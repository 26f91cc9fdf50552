package io.invoke4j.arch.violations.adapter.http;

import com.google.inject.Inject;

/** Breaks: only app uses Guice. */
public final class InjectedGateway {
  @Inject
  InjectedGateway() {}
}
