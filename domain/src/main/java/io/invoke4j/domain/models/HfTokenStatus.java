package io.invoke4j.domain.models;

import java.util.Locale;

/** Whether the server holds a usable Hugging Face token ({@code HFTokenStatus}). */
public enum HfTokenStatus {
  VALID,
  INVALID,
  /** The server could not tell (no network), or a spelling this version does not know. */
  UNKNOWN;

  /** The status for the server's spelling ({@code valid}, {@code invalid}, {@code unknown}); never throws. */
  public static HfTokenStatus fromWire(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "valid":
        return VALID;
      case "invalid":
        return INVALID;
      default:
        return UNKNOWN;
    }
  }
}
