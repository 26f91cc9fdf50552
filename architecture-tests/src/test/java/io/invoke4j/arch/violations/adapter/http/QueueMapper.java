package io.invoke4j.arch.violations.adapter.http;

/** Allowed: a package-private mapper. */
final class QueueMapper {
  private QueueMapper() {}
}
