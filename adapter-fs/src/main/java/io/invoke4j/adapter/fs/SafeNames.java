package io.invoke4j.adapter.fs;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text from a server (image names, node labels, workflow names) into one harmless path
 * segment. The server is not trusted: a name may hold {@code ../}, an absolute path, NUL or other
 * control characters, a Windows device name or thousands of characters.
 */
public final class SafeNames {
  /** Windows opens a device instead of a file for these, with any extension ({@code CON.png}). */
  private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private SafeNames() {}

  /**
   * One path segment made of letters, digits, {@code .}, {@code -} and {@code _} only, at most
   * {@code maxBytes} bytes of UTF-8, never empty, never starting with a dot, never a Windows device name.
   *
   * @throws IllegalArgumentException if {@code maxBytes} is below 8
   */
  public static String segment(String raw, int maxBytes) {
    if (maxBytes < 8) {
      throw new IllegalArgumentException("maxBytes must be at least 8, got " + maxBytes);
    }
    StringBuilder out = new StringBuilder(Math.min(raw.length(), maxBytes));
    raw.codePoints().forEach(cp -> {
      boolean keep = Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_';
      char last = out.length() == 0 ? 0 : out.charAt(out.length() - 1);
      if (keep) {
        out.appendCodePoint(cp);
      } else if (last != '_') {
        out.append('_');
      }
    });
    String name = out.toString();
    // no hidden files, no "." or "..", no trailing dots (Windows drops them)
    name = name.replaceAll("\\.{2,}", ".").replaceAll("^[._]+", "").replaceAll("[._]+$", "");
    if (name.isEmpty()) {
      name = "unnamed";
    }
    int dot = name.indexOf('.');
    String base = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
    if (WINDOWS_RESERVED.contains(base)) {
      name = "_" + name;
    }
    return truncate(name, maxBytes);
  }

  private static String truncate(String name, int maxBytes) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return name;
    }
    StringBuilder cut = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > maxBytes) {
        break;
      }
      cut.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return cut.toString().replaceAll("[._]+$", "");
  }
}
