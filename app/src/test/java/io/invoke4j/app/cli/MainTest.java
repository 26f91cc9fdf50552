package io.invoke4j.app.cli;

import static io.invoke4j.app.cli.CliRun.lines;
import static io.invoke4j.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The CLI run in-process: exit codes and the exact lines on stdout and stderr. */
class MainTest {

  @Test
  void printsTheFilteredProjectVersion() {
    CliRun run = run(Main.create(), "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).matches("invoke4j \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void helpNamesTheGlobalOptions() {
    CliRun run = run(Main.create(), "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: invoke4j ").contains("--verbose", "--version", "help");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void missingSubcommandIsAUsageError() {
    assertThat(run(Main.create()))
        .isEqualTo(new CliRun(2, "", lines("invoke4j: Missing required subcommand (see 'invoke4j --help')")));
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run(Main.create(), "--nope"))
        .isEqualTo(new CliRun(2, "", lines("invoke4j: Unknown option: '--nope' (see 'invoke4j --help')")));
  }

  @Test
  void usageErrorOfASubcommandPointsToItsHelp() {
    assertThat(run(withSubcommand(() -> null), "boom", "--nope"))
        .isEqualTo(new CliRun(2, "", lines("invoke4j: Unknown option: '--nope' (see 'invoke4j boom --help')")));
  }

  @Test
  void successExitsZero() {
    assertThat(run(withSubcommand(() -> null), "boom")).isEqualTo(new CliRun(0, lines("done"), ""));
  }

  @Test
  void illegalArgumentIsOneLineAndExitTwo() {
    CommandLine cli = withSubcommand(() -> new IllegalArgumentException("workflow has no form"));

    assertThat(run(cli, "boom")).isEqualTo(new CliRun(2, "", lines("invoke4j: workflow has no form")));
  }

  @Test
  void serverErrorIsOneLineAndExitThree() {
    CommandLine cli = withSubcommand(
        () -> new InvokeHttpException(404, "GET", "/api/v1/images/i/x.png", "{\"detail\":\"Not Found\"}"));

    assertThat(run(cli, "boom")).isEqualTo(new CliRun(3, "",
        lines("invoke4j: GET /api/v1/images/i/x.png -> HTTP 404: {\"detail\":\"Not Found\"}")));
  }

  @Test
  void multiLineMessageIsFoldedOntoOneLine() {
    CommandLine cli = withSubcommand(() -> new InvokeProtocolException("cannot read workflow:\n  line 3\n"));

    assertThat(run(cli, "boom"))
        .isEqualTo(new CliRun(3, "", lines("invoke4j: cannot read workflow: line 3")));
  }

  @Test
  void exceptionWithoutMessageIsNamed() {
    assertThat(run(withSubcommand(IllegalArgumentException::new), "boom"))
        .isEqualTo(new CliRun(2, "", lines("invoke4j: IllegalArgumentException")));
  }

  @Test
  void verboseBeforeTheSubcommandAddsTheStackTrace() {
    CliRun run = run(withSubcommand(() -> new IllegalArgumentException("bad")), "--verbose", "boom");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .startsWith("invoke4j: bad", "java.lang.IllegalArgumentException: bad")
        .anyMatch(line -> line.contains("at io.invoke4j.app.cli.MainTest"));
  }

  @Test
  void verboseAfterTheSubcommandAddsTheStackTrace() {
    CliRun run = run(withSubcommand(() -> new IllegalArgumentException("bad")), "boom", "--verbose");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).startsWith("invoke4j: bad", "java.lang.IllegalArgumentException: bad");
  }

  @Test
  void unexpectedExceptionIsABugWithExitOne() {
    CommandLine cli = withSubcommand(() -> new IllegalStateException("boom"));

    assertThat(run(cli, "boom")).isEqualTo(new CliRun(1, "", lines(
        "invoke4j: unexpected error: java.lang.IllegalStateException: boom "
            + "(run with --verbose for the stack trace)")));
  }

  @Test
  void unexpectedExceptionWithVerboseShowsTheStackTrace() {
    CliRun run = run(withSubcommand(() -> new IllegalStateException("boom")), "--verbose", "boom");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).startsWith(
        "invoke4j: unexpected error: java.lang.IllegalStateException: boom",
        "java.lang.IllegalStateException: boom");
  }

  /** The real command tree plus {@code run}, which prints "done" or throws what {@code failure} gives. */
  private static CommandLine withSubcommand(Supplier<? extends RuntimeException> failure) {
    CommandLine cli = new CommandLine(new InvokeCommand(), new CliFactory(ClientFactory.http(), java.util.Map.of()));
    cli.addSubcommand(new Throwing(failure));
    return Main.withErrorPolicy(cli);
  }

  @Command(name = "boom")
  static final class Throwing implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    private final Supplier<? extends RuntimeException> failure;

    Throwing(Supplier<? extends RuntimeException> failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      RuntimeException ex = failure.get();
      if (ex != null) {
        throw ex;
      }
      spec.commandLine().getOut().println("done");
      return 0;
    }
  }
}
