package io.invoke4j.arch.violations.domain;

import com.google.common.collect.ImmutableList;

/** Breaks: the domain's classpath is the JDK, Jackson's tree and Immutables (Guava comes with Guice). */
public final class GuavaValue {
  final ImmutableList<String> names = ImmutableList.of("a");
}
