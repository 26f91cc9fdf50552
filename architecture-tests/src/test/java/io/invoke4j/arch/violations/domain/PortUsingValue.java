package io.invoke4j.arch.violations.domain;

import io.invoke4j.arch.violations.ports.Gateway;

/** Breaks: the domain depends on no other module. */
public final class PortUsingValue {
  final Gateway gateway = null;
}
