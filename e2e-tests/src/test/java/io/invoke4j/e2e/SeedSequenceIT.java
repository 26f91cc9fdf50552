package io.invoke4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.examples.SeedSequence;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example program {@code examples/java}'s {@link SeedSequence} against the real server at
 * {@code INVOKEAI_URL}, on {@code examples/blank-blur-save.json}: it runs the seed sequence end to
 * end and prints each step. Its queue item and images are deleted afterwards.
 */
class SeedSequenceIT {
  private final LiveClient live = new LiveClient();

  @AfterEach
  void cleanUp() {
    live.close();
  }

  @Test
  void runsTheSeedSequenceEndToEnd() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SeedSequence.Outcome outcome;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      outcome = SeedSequence.run(LiveClient.url(), LiveClient.example("blank-blur-save.json"), out);
    }
    live.items(List.of(outcome.itemId()));
    outcome.images().keySet().forEach(live::image);
    String text = printed.toString(StandardCharsets.UTF_8);
    System.out.print(text);

    assertThat(outcome.status()).isEqualTo("completed");
    assertThat(outcome.images()).hasSize(1);
    assertThat(outcome.images().values()).allSatisfy(bytes -> assertThat(bytes).isPositive());
    assertThat(text).contains("models synced: 0 field(s) changed")
        .contains("input 6 \"Output board\"")
        .contains("set input 0 from 512 to 96")
        .contains("submitted: batch ")
        .contains("item " + outcome.itemId().value() + " completed")
        .contains("found in RESULTS")
        .contains("downloaded " + outcome.images().keySet().iterator().next().value());
  }
}
