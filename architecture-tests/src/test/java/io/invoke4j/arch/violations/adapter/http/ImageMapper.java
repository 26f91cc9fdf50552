package io.invoke4j.arch.violations.adapter.http;

/** Breaks: a mapper is public. */
public final class ImageMapper {
  private ImageMapper() {}
}
