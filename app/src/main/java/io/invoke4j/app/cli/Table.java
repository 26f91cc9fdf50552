package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Text as the CLI prints it for people: aligned columns, one row a line, no trailing blanks. */
final class Table {
  private static final int MAX_CELL = 60;

  private Table() {}

  /** {@code rows} (the first is the header) in columns two spaces apart; the last column is not padded. */
  static String render(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] + 2 - row[i].length()));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  /**
   * A command's JSON result as text: an array of objects as a table (a column per key, headed in
   * capitals), an object as {@code key: value} lines, anything else as itself.
   */
  static String of(JsonNode result) {
    if (result.isArray()) {
      if (result.isEmpty()) {
        return "(none)\n";
      }
      Set<String> keys = new LinkedHashSet<>();
      result.forEach(row -> row.fieldNames().forEachRemaining(keys::add));
      List<String[]> rows = new ArrayList<>();
      rows.add(keys.stream().map(k -> k.toUpperCase(Locale.ROOT)).toArray(String[]::new));
      for (JsonNode row : result) {
        rows.add(keys.stream().map(k -> cell(row.get(k))).toArray(String[]::new));
      }
      return render(rows);
    }
    if (result.isObject()) {
      StringBuilder text = new StringBuilder();
      for (Iterator<String> keys = result.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        text.append(key).append(": ").append(cell(result.get(key))).append('\n');
      }
      return text.toString();
    }
    return cell(result) + "\n";
  }

  /** One value on one line: text as is, {@code -} for none, structures as compact JSON, shortened. */
  static String cell(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "-";
    }
    String text = value.isValueNode() ? value.asText() : value.toString();
    String oneLine = text.replaceAll("\\R", " ");
    return oneLine.length() <= MAX_CELL ? oneLine : oneLine.substring(0, MAX_CELL - 1) + "…";
  }
}
