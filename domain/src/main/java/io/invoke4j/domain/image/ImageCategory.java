package io.invoke4j.domain.image;

import java.util.Locale;

/** The server's image categories; "images" in the GUI is {@link #GENERAL}, "assets" the other four. */
public enum ImageCategory {
  GENERAL, MASK, CONTROL, USER, OTHER;

  /** The server's spelling, e.g. {@code general}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The category for the server's spelling.
   *
   * @throws IllegalArgumentException for an unknown spelling
   */
  public static ImageCategory fromWire(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT));
  }
}
