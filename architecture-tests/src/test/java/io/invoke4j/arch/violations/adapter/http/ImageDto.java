package io.invoke4j.arch.violations.adapter.http;

/** Breaks: a wire type is public. */
public final class ImageDto {
  public String imageName;
}
