package io.invoke4j.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.JobUpdate;
import io.invoke4j.app.usecase.SweepHandle;
import io.invoke4j.app.usecase.WorkflowHandle;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One timed sweep against a real server, for {@code scripts/bench-sweep}:
 *
 * <pre>
 * SweepRun URL WORKFLOW sweep|loop RUNS OUT.json [INDEX=VALUE ...]
 * </pre>
 *
 * Sets the given inputs, then runs input {@code VARY} (system property {@code bench.vary}, default 3)
 * over RUNS values 1, 2, ... (as scripts/bench-sweep's py-client run): {@code sweep} as ONE enqueue request whose items are
 * followed through the event stream ({@link WorkflowHandle#submitSweep}); {@code loop} as one
 * {@code submitSync} + {@code waitForCompletionSync} per value. Writes the item ids, the wall clock
 * ({@link System#currentTimeMillis()}, the clock the server's timestamps use) at which each
 * completion was noticed, and the wall time (from before the first submission to the last notice,
 * {@link System#nanoTime()}), and when the terminal status event of each item arrived (before the
 * finished item was read back).
 */
public final class SweepRun {
  private SweepRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: SweepRun URL WORKFLOW sweep|loop RUNS OUT.json [INDEX=VALUE ...]");
      System.exit(2);
    }
    String url = args[0];
    Path workflow = Path.of(args[1]);
    boolean sweep = args[2].equals("sweep");
    int runs = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);
    int vary = Integer.getInteger("bench.vary", 3);
    Object[] values = new Object[runs];
    for (int i = 0; i < runs; i++) {
      values[i] = i + 1;
    }
    List<Long> ids = new ArrayList<>();
    List<Long> noticed = new ArrayList<>();
    // when the terminal status event arrived, before the finished item was read
    Map<Long, Long> eventAt = new ConcurrentHashMap<>();
    Consumer<JobUpdate> events = update -> {
      if (update instanceof JobUpdate.StatusChange change && change.status().isTerminal()) {
        eventAt.putIfAbsent(change.itemId().value(), System.currentTimeMillis());
      }
    };
    long start;
    long end;
    try (InvokeAIClient client = InvokeAIClient.fromUrl(url)) {
      WorkflowHandle handle = client.workflowRepo().createWorkflow(WorkflowDefinition.fromFile(workflow));
      for (int i = 5; i < args.length; i++) {
        String[] set = args[i].split("=", 2);
        handle.setInputValue(Integer.parseInt(set[0]), set[1]);
      }
      start = System.nanoTime();
      if (sweep) {
        SweepHandle items = handle.submitSweep(handle.sweep(vary, values), 1, Duration.ofMinutes(30), events);
        long[] at = new long[items.itemIds().size()];
        List<CompletableFuture<QueueItem>> completions = items.completions();
        for (int i = 0; i < at.length; i++) {
          int n = i;
          completions.get(i).thenRun(() -> at[n] = System.currentTimeMillis());
        }
        items.waitForAllSync(Duration.ofMinutes(30));
        end = System.nanoTime();
        for (int i = 0; i < at.length; i++) {
          ids.add(items.itemIds().get(i).value());
          noticed.add(at[i]);
        }
      } else {
        for (Object value : values) {
          handle.setInputValue(vary, value);
          handle.submitSync();
          QueueItem item = handle.waitForCompletionSync(Duration.ofMillis(500), Duration.ofMinutes(5), events);
          noticed.add(System.currentTimeMillis());
          ids.add(item.itemId().value());
        }
        end = System.nanoTime();
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode result = mapper.createObjectNode();
    result.put("mode", sweep ? "sweep" : "loop");
    result.put("wall_s", (end - start) / 1e9);
    ArrayNode items = result.putArray("items");
    for (int i = 0; i < ids.size(); i++) {
      ObjectNode item = items.addObject().put("item_id", ids.get(i)).put("noticed_ms", noticed.get(i));
      Long event = eventAt.get(ids.get(i));
      if (event != null) {
        item.put("event_ms", event);
      }
    }
    mapper.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
  }
}
