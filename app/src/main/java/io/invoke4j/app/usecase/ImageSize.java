package io.invoke4j.app.usecase;

/** Which file of an image to download. */
public enum ImageSize {
  /** The full image, byte for byte as the server stores it (PNG with its metadata). */
  FULL,
  /** The server's thumbnail (WebP, at most 256 px a side). */
  THUMBNAIL
}
