package io.invoke4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The test server {@code scripts/invokeai-server} started, for the tests that restart it. A test
 * may restart only a server the script started for {@code INVOKEAI_URL}: the {@code URL=} line of
 * {@code ${INVOKE4J_SERVER_HOME:-~/.cache/invoke4j}/state/single.env} must name it. Otherwise the
 * test fails with CI=true and is skipped elsewhere, so a developer's own server is never restarted.
 */
public final class ScriptedServer {
  private final Path home;

  private ScriptedServer(Path home) {
    this.home = home;
  }

  /** The script's server at {@code url}; fails (CI=true) or skips {@code test} when it is not. */
  public static ScriptedServer requireFor(String url, String test) throws IOException {
    Path home = serverHome();
    Path state = home.resolve("state").resolve("single.env");
    Optional<String> started = Optional.empty();
    if (Files.isRegularFile(state)) {
      started = Files.readAllLines(state).stream().filter(line -> line.startsWith("URL="))
          .map(line -> line.substring(4).strip().replaceAll("^['\"]|['\"]$", "")).findFirst();
    }
    boolean same = started.map(s -> normalise(s).equals(normalise(url))).orElse(false);
    String why = test + " restarts only a server scripts/invokeai-server started for INVOKEAI_URL=" + url
        + ", but " + state + (started.isPresent() ? " names " + started.get() : " does not exist or has no URL")
        + " (set INVOKE4J_SERVER_HOME to that server's home)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(same).as(why).isTrue();
    }
    assumeTrue(same, why);
    return new ScriptedServer(home);
  }

  /** {@code scripts/invokeai-server restart}: same root, database and port; fails unless it exits 0. */
  public void restart() throws IOException, InterruptedException {
    Path script = script();
    ProcessBuilder builder = new ProcessBuilder(script.toString(), "restart").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("INVOKE4J_SERVER_HOME", home.toString());
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(script + " restart did not finish within 5 minutes");
    }
    assertThat(process.exitValue()).as(script + " restart exit status").isZero();
  }

  /** {@code INVOKE4J_SERVER_HOME}, else {@code ~/.cache/invoke4j}, as the script. */
  private static Path serverHome() {
    String home = System.getenv("INVOKE4J_SERVER_HOME");
    return home != null && !home.isBlank() ? Path.of(home)
        : Path.of(System.getProperty("user.home"), ".cache", "invoke4j");
  }

  private static URI normalise(String url) {
    String text = url.strip();
    return URI.create(text.endsWith("/") ? text : text + "/");
  }

  private static Path script() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path script = dir.resolve("scripts").resolve("invokeai-server");
      if (Files.isExecutable(script)) {
        return script;
      }
      dir = dir.getParent();
    }
    throw new AssertionError("scripts/invokeai-server not found above " + Path.of("").toAbsolutePath());
  }
}
