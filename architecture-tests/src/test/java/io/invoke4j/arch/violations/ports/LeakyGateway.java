package io.invoke4j.arch.violations.ports;

import io.invoke4j.arch.violations.adapter.http.HttpGateway;

/** Breaks: ports depend only on the domain. */
public interface LeakyGateway {
  HttpGateway delegate();
}
