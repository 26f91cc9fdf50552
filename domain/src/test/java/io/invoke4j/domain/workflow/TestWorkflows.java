package io.invoke4j.domain.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small hand-written workflows for tests. */
final class TestWorkflows {
  private TestWorkflows() {}

  /** {@code small-workflow.json}: nested form with 8 node fields, a note node and a collapsed edge. */
  static String small() {
    try (InputStream in = TestWorkflows.class.getResourceAsStream("small-workflow.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A workflow with one node per entry of {@code nodesJson} (already JSON objects) and the given extras. */
  static String workflow(String version, String nodesJson, String edgesJson, String rest) {
    return "{\"name\":\"t\",\"meta\":{\"version\":\"" + version + "\"},\"nodes\":[" + nodesJson + "],\"edges\":["
        + edgesJson + "]" + (rest.isEmpty() ? "" : "," + rest) + "}";
  }

  /** An invocation node with the given inputs JSON (the content of {@code data.inputs}). */
  static String node(String id, String type, String inputsJson) {
    return "{\"id\":\"" + id + "\",\"type\":\"invocation\",\"position\":{\"x\":0,\"y\":0},\"data\":{\"id\":\"" + id
        + "\",\"type\":\"" + type + "\",\"version\":\"1.0.0\",\"label\":\"\",\"notes\":\"\",\"isOpen\":true,"
        + "\"isIntermediate\":true,\"useCache\":true,\"inputs\":{" + inputsJson + "}}}";
  }
}
