package io.invoke4j.domain.workflow;

import java.util.regex.Pattern;

/** Builds JSONPath strings like {@code $.nodes[3].data.inputs['odd-name'].value}. */
final class JsonPaths {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private JsonPaths() {}

  static String key(String path, String key) {
    if (PLAIN.matcher(key).matches()) {
      return path + "." + key;
    }
    return path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  static String index(String path, int index) {
    return path + "[" + index + "]";
  }
}
