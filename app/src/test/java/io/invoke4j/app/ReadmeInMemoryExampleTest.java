package io.invoke4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.adapter.memory.MemoryInvokeAI;
import io.invoke4j.app.usecase.OutputMapping;
import io.invoke4j.app.usecase.SweepHandle;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemStatus;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The README's "Testing your own code with the fakes" examples, verbatim, run as tests; a third test
 * checks that the README still shows exactly this code.
 */
class ReadmeInMemoryExampleTest {
  private static final Path WORKFLOW = Path.of("../examples/blank-blur-save.json");

  // --- README: first example
  @Test
  void aBlurSweepGivesOneImagePerRadius() throws IOException {
    try (InvokeAIClient client = InvokeAIClient.inMemory()) {                // no server, no GPU
      WorkflowHandle wf = client.workflowRepo().createWorkflow(WorkflowDefinition.fromFile(WORKFLOW));
      wf.setInputValue(0, 128);                                             // blank image width
      wf.submitSync();
      QueueItem single = wf.waitForCompletionSync(Duration.ofSeconds(10));
      assertThat(single.status()).isEqualTo(QueueItemStatus.COMPLETED);

      SweepHandle sweep = wf.submitSweep(wf.sweep(3, 1.0, 2.0, 8.0));       // blur radius: 3 items
      List<QueueItem> items = sweep.waitForAllSync(Duration.ofSeconds(10));
      for (QueueItem item : items) {
        OutputMapping saved = sweep.outputs(item).get(0);                   // the save_image node
        byte[] png = client.images().download(saved.imageNames().get(0));
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(256);
      }
    }
  }
  // --- end

  @Test
  void aDrivenServerInjectsAFailure() {
    // --- README: second example
    try (MemoryInvokeAI invoke = MemoryInvokeAI.create();
        InvokeAIClient client = InvokeAIClient.builder().inMemory(invoke).build()) {
      invoke.failNode("img_blur", "OutOfMemoryError", "CUDA out of memory");
      WorkflowHandle wf = client.workflowRepo().createWorkflow(WorkflowDefinition.fromFile(WORKFLOW));
      wf.submitSync();
      QueueItem failed = wf.waitForCompletionSync(Duration.ofSeconds(10));
      assertThat(failed.errorType()).contains("OutOfMemoryError");
    }
    // --- end
  }

  @Test
  void theReadmeShowsThisCode() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    int section = readme.indexOf("## Testing your own code with the fakes");
    assertThat(section).as("the README section").isNotNegative();
    List<String> blocks = new ArrayList<>();
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(section));
    while (block.find() && blocks.size() < 2) {
      blocks.add(block.group(1));
    }
    String source = Files.readString(Path.of("src/test/java/io/invoke4j/app/ReadmeInMemoryExampleTest.java"));
    List<String> examples = new ArrayList<>();
    Matcher example = Pattern.compile("// --- README: [a-z]+ example\n(.*?)\\s*// --- end", Pattern.DOTALL).matcher(source);
    while (example.find()) {
      examples.add(example.group(1));
    }

    assertThat(examples).hasSize(2);
    assertThat(blocks).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(dedent(examples.get(i))).as("README example %d", i + 1).isEqualTo(dedent(blocks.get(i)));
    }
  }

  /** The lines without their common indentation and trailing blanks. */
  private static String dedent(String code) {
    List<String> lines = code.strip().isEmpty() ? List.of() : List.of(code.stripTrailing().split("\n"));
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }
}
