package io.invoke4j.adapter.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.event.InvocationComplete;
import io.invoke4j.domain.event.InvocationError;
import io.invoke4j.domain.event.InvocationStarted;
import io.invoke4j.domain.event.InvokeEvent;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Runs one queue item's graph node by node, as InvokeAI's session processor. */
final class SessionRunner {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final MemoryInvokeAI server;

  SessionRunner(MemoryInvokeAI server) {
    this.server = server;
  }

  void run(Item item) {
    JsonNode graph = item.graph;
    List<String> order = topologicalOrder(graph);
    Map<String, String> prepared = new LinkedHashMap<>();
    ObjectNode execution = JSON.objectNode();
    execution.put("id", server.newId());
    ObjectNode executionNodes = execution.putObject("nodes");
    ArrayNode executionEdges = execution.putArray("edges");
    for (String source : order) {
      prepared.put(source, server.newId());
    }
    synchronized (server.lock) {
      prepared.forEach((source, id) -> item.prepared(id, source));
      item.executionGraph = execution;
    }
    for (String source : order) {
      String preparedId = prepared.get(source);
      JsonNode node = graph.path("nodes").path(source);
      String type = node.path("type").asText();
      ObjectNode inputs = resolveInputs(item, graph, source, node, prepared, executionEdges);
      inputs.put("id", preparedId);
      NodeFailure injected;
      Duration delay;
      synchronized (server.lock) {
        if (item.status != QueueItemStatus.IN_PROGRESS) {
          server.finished(item);
          return;
        }
        executionNodes.set(preparedId, inputs.deepCopy());
        injected = Optional.ofNullable(server.failures.get(source)).orElse(server.failures.get(type));
        delay = Optional.ofNullable(server.delays.get(source)).orElse(server.delays.get(type));
      }
      server.emit(InvocationStarted.builder().name("invocation_started").raw(raw(item, source, inputs))
          .item(QueueItemId.of(item.id)).batchId(item.batchId).sessionId(item.sessionId).sourceNodeId(source)
          .preparedNodeId(preparedId).nodeType(type).build());
      sleep(delay);
      ObjectNode output;
      try {
        if (injected != null) {
          throw injected;
        }
        output = invoke(item, type, inputs, preparedId);
      } catch (NodeFailure failure) {
        fail(item, source, preparedId, type, inputs, failure);
        return;
      } catch (RuntimeException e) {
        fail(item, source, preparedId, type, inputs, new NodeFailure(e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
        return;
      }
      synchronized (server.lock) {
        if (item.status != QueueItemStatus.IN_PROGRESS) {
          server.finished(item);
          return;
        }
        item.results.put(preparedId, output);
      }
      ObjectNode raw = raw(item, source, inputs);
      raw.set("result", output.deepCopy());
      server.emit(InvocationComplete.builder().name("invocation_complete").raw(raw)
          .item(QueueItemId.of(item.id)).batchId(item.batchId).sessionId(item.sessionId).sourceNodeId(source)
          .preparedNodeId(preparedId).nodeType(type).result(output.deepCopy()).build());
    }
    InvokeEvent done = null;
    synchronized (server.lock) {
      if (item.status == QueueItemStatus.IN_PROGRESS) {
        item.status = QueueItemStatus.COMPLETED;
        item.completedAt = server.now();
        item.updatedAt = item.completedAt;
        done = server.queue().statusChanged(item);
      }
      server.finished(item);
    }
    if (done != null) {
      server.emit(done);
    }
  }

  /** The server sends the failed status change before the invocation error. */
  private void fail(Item item, String source, String preparedId, String type, ObjectNode inputs, NodeFailure failure) {
    InvokeEvent status = null;
    String traceback = failure.traceback(type);
    synchronized (server.lock) {
      if (item.status == QueueItemStatus.IN_PROGRESS) {
        item.status = QueueItemStatus.FAILED;
        item.errorType = failure.errorType;
        item.errorMessage = failure.errorMessage;
        item.errorTraceback = traceback;
        item.errors.put(preparedId, failure.errorType + ": " + failure.errorMessage);
        item.completedAt = server.now();
        item.updatedAt = item.completedAt;
        status = server.queue().statusChanged(item);
      }
      server.finished(item);
    }
    if (status == null) {
      return;
    }
    server.emit(status);
    ObjectNode raw = raw(item, source, inputs);
    raw.put("error_type", failure.errorType);
    raw.put("error_message", failure.errorMessage);
    raw.put("error_traceback", traceback);
    server.emit(InvocationError.builder().name("invocation_error").raw(raw).item(QueueItemId.of(item.id))
        .batchId(item.batchId).sessionId(item.sessionId).sourceNodeId(source).preparedNodeId(preparedId)
        .nodeType(type).errorType(failure.errorType).errorMessage(failure.errorMessage).errorTraceback(traceback)
        .build());
  }

  private static ObjectNode raw(Item item, String source, ObjectNode invocation) {
    ObjectNode raw = JSON.objectNode();
    raw.put("queue_id", "default");
    raw.put("item_id", item.id);
    raw.put("batch_id", item.batchId.value());
    raw.put("origin", item.origin);
    raw.put("destination", item.destination);
    raw.put("user_id", "system");
    raw.put("session_id", item.sessionId);
    raw.set("invocation", invocation.deepCopy());
    raw.put("invocation_source_id", source);
    return raw;
  }

  private static void sleep(Duration delay) {
    if (delay == null || delay.isZero() || delay.isNegative()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kahn's algorithm, ties broken by the graph's node order (deterministic runs). */
  static List<String> topologicalOrder(JsonNode graph) {
    List<String> ids = new ArrayList<>();
    graph.path("nodes").fieldNames().forEachRemaining(ids::add);
    Map<String, Integer> indegree = new LinkedHashMap<>();
    ids.forEach(id -> indegree.put(id, 0));
    for (JsonNode edge : graph.path("edges")) {
      indegree.computeIfPresent(edge.at("/destination/node_id").asText(), (k, v) -> v + 1);
    }
    List<String> order = new ArrayList<>();
    while (order.size() < ids.size()) {
      String next = null;
      for (String id : ids) {
        if (!order.contains(id) && indegree.get(id) == 0) {
          next = id;
          break;
        }
      }
      if (next == null) {
        throw new NodeFailure("ValueError", "the graph has a cycle");
      }
      order.add(next);
      for (JsonNode edge : graph.path("edges")) {
        if (next.equals(edge.at("/source/node_id").asText())) {
          indegree.computeIfPresent(edge.at("/destination/node_id").asText(), (k, v) -> v - 1);
        }
      }
    }
    return order;
  }

  private ObjectNode resolveInputs(Item item, JsonNode graph, String source, JsonNode node,
      Map<String, String> prepared, ArrayNode executionEdges) {
    ObjectNode inputs = node.deepCopy();
    ArrayNode collected = null;
    for (JsonNode edge : graph.path("edges")) {
      if (!source.equals(edge.at("/destination/node_id").asText())) {
        continue;
      }
      String from = edge.at("/source/node_id").asText();
      String field = edge.at("/destination/field").asText();
      JsonNode result;
      synchronized (server.lock) {
        result = item.results.get(prepared.get(from));
      }
      JsonNode value = result == null ? JSON.nullNode() : result.path(edge.at("/source/field").asText());
      ObjectNode executionEdge = executionEdges.addObject();
      executionEdge.putObject("source").put("node_id", prepared.get(from)).put("field", edge.at("/source/field").asText());
      executionEdge.putObject("destination").put("node_id", prepared.get(source)).put("field", field);
      if ("collect".equals(node.path("type").asText()) && "item".equals(field)) {
        if (collected == null) {
          collected = JSON.arrayNode();
        }
        collected.add(value.deepCopy());
      } else {
        inputs.set(field, value.deepCopy());
      }
    }
    if (collected != null) {
      ArrayNode collection = inputs.path("collection").isArray() ? (ArrayNode) inputs.get("collection") : JSON.arrayNode();
      collection.addAll(collected);
      inputs.set("collection", collection);
      inputs.remove("item");
    }
    return inputs;
  }

  private ObjectNode invoke(Item item, String type, ObjectNode in, String preparedId) {
    switch (type) {
      case "integer":
        return output("integer_output").put("value", in.path("value").asLong(0));
      case "float":
        return output("float_output").put("value", in.path("value").asDouble(0));
      case "string":
        return output("string_output").put("value", in.path("value").asText(""));
      case "boolean":
        return output("boolean_output").put("value", in.path("value").asBoolean(false));
      case "integer_collection":
      case "float_collection":
      case "string_collection":
      case "boolean_collection":
        return collection(type.replace("_collection", "") + "_collection_output", in.path("collection"));
      case "add":
        return integer(in.path("a").asLong(0) + in.path("b").asLong(0));
      case "sub":
        return integer(in.path("a").asLong(0) - in.path("b").asLong(0));
      case "mul":
        return integer(in.path("a").asLong(0) * in.path("b").asLong(0));
      case "div":
        if (in.path("b").asLong(0) == 0) {
          throw new NodeFailure("ZeroDivisionError", "division by zero");
        }
        return integer((long) ((double) in.path("a").asLong(0) / in.path("b").asLong(0)));
      case "integer_math":
        return integer(integerMath(in.path("operation").asText("ADD"), in.path("a").asLong(1), in.path("b").asLong(1)));
      case "float_math":
        return output("float_output").put("value",
            floatMath(in.path("operation").asText("ADD"), in.path("a").asDouble(1), in.path("b").asDouble(1)));
      case "string_join":
        return output("string_output").put("value", in.path("string_left").asText("") + in.path("string_right").asText(""));
      case "string_join_three":
        return output("string_output").put("value", in.path("string_left").asText("")
            + in.path("string_middle").asText("") + in.path("string_right").asText(""));
      case "collect":
        return collection("collect_output", in.path("collection"));
      case "image":
      case "show_image": {
        StoredImage image = stored(in.path("image"));
        return imageOutput(image.name, image.width, image.height);
      }
      case "blank_image": {
        JsonNode color = in.path("color");
        BufferedImage blank = Imaging.blank(in.path("width").asInt(512), in.path("height").asInt(512),
            "RGBA".equals(in.path("mode").asText("RGB")), color.path("r").asInt(0), color.path("g").asInt(0),
            color.path("b").asInt(0), color.path("a").asInt(255));
        return save(item, preparedId, in, blank);
      }
      case "img_resize":
        return save(item, preparedId, in, Imaging.resize(image(in.path("image")), in.path("width").asInt(512),
            in.path("height").asInt(512), in.path("resample_mode").asText("bicubic")));
      case "img_scale": {
        BufferedImage source = image(in.path("image"));
        double factor = in.path("scale_factor").asDouble(2.0);
        return save(item, preparedId, in, Imaging.resize(source, (int) (source.getWidth() * factor),
            (int) (source.getHeight() * factor), in.path("resample_mode").asText("bicubic")));
      }
      case "img_blur":
        return save(item, preparedId, in, Imaging.blur(image(in.path("image")), in.path("radius").asDouble(8),
            in.path("blur_type").asText("gaussian")));
      case "img_crop":
        return save(item, preparedId, in, Imaging.crop(image(in.path("image")), in.path("x").asInt(0),
            in.path("y").asInt(0), in.path("width").asInt(512), in.path("height").asInt(512)));
      case "img_paste":
        return save(item, preparedId, in, Imaging.paste(image(in.path("base_image")), image(in.path("image")),
            in.path("x").asInt(0), in.path("y").asInt(0), in.path("crop").asBoolean(false)));
      case "save_image":
        return save(item, preparedId, in, image(in.path("image")));
      default:
        return other(item, type, in, preparedId);
    }
  }

  private ObjectNode other(Item item, String type, ObjectNode in, String preparedId) {
    NodeCatalog.Node node = server.catalog.node(type);
    if (node != null && node.needsModel) {
      String key = findModelKey(in);
      throw new NodeFailure("Exception", "Unknown model " + key);
    }
    if (node != null && "ImageOutput".equals(node.output)) {
      int width = in.path("width").asInt(64);
      int height = in.path("height").asInt(64);
      if (in.path("image").has("image_name")) {
        StoredImage source = stored(in.path("image"));
        width = source.width;
        height = source.height;
      }
      return save(item, preparedId, in, Imaging.placeholder(Math.max(1, width), Math.max(1, height)));
    }
    throw new NodeFailure("NotImplementedError", "the in-memory InvokeAI does not run " + type + " nodes");
  }

  private static String findModelKey(JsonNode in) {
    Iterator<JsonNode> values = in.elements();
    while (values.hasNext()) {
      JsonNode value = values.next();
      if (value.isObject() && value.has("key") && value.has("base")) {
        return value.path("key").asText();
      }
    }
    return "None";
  }

  private static long integerMath(String operation, long a, long b) {
    switch (operation.toUpperCase(Locale.ROOT)) {
      case "ADD":
        return a + b;
      case "SUB":
        return a - b;
      case "MUL":
        return a * b;
      case "DIV":
        if (b == 0) {
          throw new NodeFailure("ZeroDivisionError", "division by zero");
        }
        return (long) ((double) a / b);
      case "EXP":
        return (long) Math.pow(a, b);
      case "MOD":
        if (b == 0) {
          throw new NodeFailure("ZeroDivisionError", "integer modulo by zero");
        }
        return Math.floorMod(a, b);
      case "ABS":
        return Math.abs(a);
      case "MIN":
        return Math.min(a, b);
      case "MAX":
        return Math.max(a, b);
      default:
        throw new NodeFailure("ValueError", "unknown operation " + operation);
    }
  }

  private static double floatMath(String operation, double a, double b) {
    switch (operation.toUpperCase(Locale.ROOT)) {
      case "ADD":
        return a + b;
      case "SUB":
        return a - b;
      case "MUL":
        return a * b;
      case "DIV":
        if (b == 0) {
          throw new NodeFailure("ZeroDivisionError", "float division by zero");
        }
        return a / b;
      case "EXP":
        return Math.pow(a, b);
      case "ABS":
        return Math.abs(a);
      case "SQRT":
        return Math.sqrt(a);
      case "MIN":
        return Math.min(a, b);
      case "MAX":
        return Math.max(a, b);
      default:
        throw new NodeFailure("ValueError", "unknown operation " + operation);
    }
  }

  private StoredImage stored(JsonNode field) {
    String name = field.path("image_name").asText(null);
    synchronized (server.lock) {
      StoredImage image = name == null ? null : server.images.get(name);
      if (image == null) {
        throw new NodeFailure("ImageFileNotFoundException", "Image " + name + " not found");
      }
      return image;
    }
  }

  private BufferedImage image(JsonNode field) {
    BufferedImage image = Imaging.read(stored(field).png);
    if (image == null) {
      throw new NodeFailure("OSError", "cannot identify image file");
    }
    return image;
  }

  /** Every image node saves its output to the gallery, as InvokeAI's {@code WithBoard} nodes. */
  private ObjectNode save(Item item, String preparedId, ObjectNode in, BufferedImage image) {
    String name = server.newId() + ".png";
    String board = in.path("board").path("board_id").asText(null);
    Optional<JsonNode> metadata = in.path("metadata").isObject() ? Optional.of(in.get("metadata").deepCopy())
        : Optional.empty();
    StoredImage stored = new StoredImage(name, Imaging.png(image), image.getWidth(), image.getHeight(),
        ImageCategory.GENERAL, "internal", Optional.of(item.sessionId), Optional.of(preparedId), metadata,
        item.workflow.map(JsonNode::deepCopy), server.now(), in.path("is_intermediate").asBoolean(false), board);
    synchronized (server.lock) {
      server.images.put(name, stored);
    }
    return imageOutput(name, image.getWidth(), image.getHeight());
  }

  private static ObjectNode imageOutput(String name, int width, int height) {
    ObjectNode output = JSON.objectNode();
    output.putObject("image").put("image_name", name);
    output.put("width", width);
    output.put("height", height);
    output.put("type", "image_output");
    return output;
  }

  private static ObjectNode output(String type) {
    ObjectNode output = JSON.objectNode();
    output.put("type", type);
    return output;
  }

  private static ObjectNode integer(long value) {
    ObjectNode output = JSON.objectNode();
    output.put("value", value);
    output.put("type", "integer_output");
    return output;
  }

  private static ObjectNode collection(String type, JsonNode values) {
    ObjectNode output = JSON.objectNode();
    output.set("collection", values.isArray() ? values.deepCopy() : JSON.arrayNode());
    output.put("type", type);
    return output;
  }
}
