package io.invoke4j.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code invoke4j <version>}, the version Maven filtered into {@code version.properties}. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() throws IOException {
    return new String[] {"invoke4j " + version()};
  }

  static String version() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("io/invoke4j/app/cli/version.properties is not on the classpath");
      }
      properties.load(in);
    }
    return properties.getProperty("version", "unknown");
  }
}
