package io.invoke4j.examples;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.JobUpdate;
import io.invoke4j.app.usecase.ModelSync;
import io.invoke4j.app.usecase.OutputMapping;
import io.invoke4j.app.usecase.Submission;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.field.FieldType;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed sequence end to end: load a workflow exported from the InvokeAI GUI, point its model
 * fields at installed models, list its inputs, set one, submit it, follow it until it finished,
 * map its output nodes to images and download them.
 *
 * <pre>
 * java -cp ... io.invoke4j.examples.SeedSequence [URL] [WORKFLOW]
 * </pre>
 *
 * <p>{@code URL} defaults to {@code http://127.0.0.1:9090}, {@code WORKFLOW} to
 * {@code examples/blank-blur-save.json}. When input 0 is an integer (the example's width), it is set
 * to 96.
 */
public final class SeedSequence {
  private SeedSequence() {}

  /**
   * What one run did: the queue item, its status and each output image with its size in bytes.
   *
   * @param itemId the queue item the workflow ran as
   * @param status the item's final status, as the server spells it
   * @param images each image the output nodes saved, with the number of bytes downloaded
   */
  public record Outcome(QueueItemId itemId, String status, Map<ImageName, Integer> images) {}

  /**
   * Runs the seed sequence.
   *
   * @param args the server's URL and the workflow file, both optional
   * @throws Exception when anything fails: the program reports and stops
   */
  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:9090";
    Path workflow = Path.of(args.length > 1 ? args[1] : "examples/blank-blur-save.json");
    Outcome outcome = run(url, workflow, System.out);
    if (!"completed".equals(outcome.status())) {
      System.exit(1);
    }
  }

  /**
   * Runs the seed sequence against the server at {@code url}, printing each step to {@code out}.
   *
   * @param url the server's base URL
   * @param workflow a workflow file exported from the GUI
   * @param out where to print what was done
   * @return what the run did
   */
  public static Outcome run(String url, Path workflow, PrintStream out) {
    try (InvokeAIClient client = InvokeAIClient.fromUrl(url)) {
      out.println("server " + url + ", InvokeAI " + client.server().version());
      WorkflowHandle wf = client.workflowRepo().createWorkflow(WorkflowDefinition.fromFile(workflow));
      out.println("workflow \"" + wf.definition().name() + "\" from " + workflow);

      List<ModelSync> changed = wf.syncDnnModel(true, true);
      out.println("models synced: " + changed.size() + " field(s) changed");
      for (ModelSync sync : changed) {
        out.println("  " + sync.nodeId() + "." + sync.fieldName() + ": " + sync.original().path("name").asText()
            + " -> " + sync.model().name() + " (" + sync.strategy() + ")");
      }

      for (WorkflowInput in : wf.listInputs()) {
        out.printf("input %d \"%s\": %s.%s (node %s)%s = %s%n", in.index(), in.label(), in.nodeName(),
            in.fieldName(), in.nodeId(), in.required() ? " required" : "",
            in.value().map(v -> v.toJson().toString()).orElse("(none)"));
      }
      if (!wf.listInputs().isEmpty() && wf.getInput(0).type().kind() == FieldType.Kind.INTEGER) {
        FieldValue before = wf.getInputValue(0);
        wf.setInputValue(0, 96);
        out.println("set input 0 from " + before.toJson() + " to " + wf.getInputValue(0).toJson());
      }

      Submission submission = wf.submitSync();
      out.println("submitted: batch " + submission.batchId().value() + ", items "
          + submission.itemIds().stream().map(QueueItemId::value).toList() + ", sessions "
          + submission.sessionIds());

      List<String> statuses = new ArrayList<>();
      QueueItem done = wf.waitForCompletionSync(Duration.ofMillis(500), Duration.ofSeconds(180), update -> {
        if (update instanceof JobUpdate.StatusChange change) {
          statuses.add(change.statusText());
          out.println("  item " + change.itemId().value() + " is " + change.statusText());
        }
      });
      out.println("item " + done.itemId().value() + " " + done.status().wire()
          + done.errorMessage().map(m -> ": " + m).orElse(""));

      Map<ImageName, Integer> images = new LinkedHashMap<>();
      for (OutputMapping m : wf.mapOutputsToImages(done)) {
        out.println("output node " + m.nodeId() + " (" + m.nodeType() + "), board input "
            + m.inputIndex().map(String::valueOf).orElse("-") + ", board "
            + m.boardId().map(b -> b.value()).orElse("none") + ", found in " + m.tier());
        for (ImageName name : m.imageNames()) {
          byte[] png = client.images().download(name);
          images.put(name, png.length);
          out.println("  downloaded " + name.value() + ": " + png.length + " bytes");
        }
      }
      return new Outcome(done.itemId(), done.status().wire(), images);
    }
  }
}
