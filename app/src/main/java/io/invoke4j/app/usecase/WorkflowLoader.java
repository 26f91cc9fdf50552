package io.invoke4j.app.usecase;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.invoke4j.domain.field.FieldTemplate;
import io.invoke4j.domain.field.NodeTemplates;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.VideoName;
import io.invoke4j.domain.models.ModelKey;
import io.invoke4j.domain.workflow.LoadWarning;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowNode;
import io.invoke4j.domain.workflow.WorkflowRecord;
import io.invoke4j.ports.BoardGateway;
import io.invoke4j.ports.ImageGateway;
import io.invoke4j.ports.ModelGateway;
import io.invoke4j.ports.VideoGateway;
import io.invoke4j.ports.WorkflowLibrary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The server half of the GUI's workflow load ({@code validateWorkflow.ts} with a server): the
 * workflow is loaded with the server's own node templates (so outdated nodes are updated and nodes
 * the server does not know lose their edges), {@code call_saved_workflow} inputs are refreshed from
 * the saved workflow, and every image, video, board and model reference the server cannot serve is reset,
 * each with a {@link LoadWarning} naming node and field. A reset required image is then reported by
 * {@link WorkflowHandle#validateInputs()} before anything is enqueued, as the GUI disables Invoke.
 *
 * <p>Video references are checked when the loader has the server's videos ({@link VideoGateway}).
 */
public final class WorkflowLoader {
  /** {@code modelFieldTypeNames} of the GUI's {@code types/field.ts}: values checked by model key. */
  private static final Set<String> MODEL_TYPES = Set.of("ModelIdentifierField", "UNetField", "VAEField", "CLIPField",
      "T5EncoderField", "TransformerField", "ControlLoRAField");

  private final Supplier<NodeTemplates> templates;
  private final ImageGateway images;
  private final Optional<BoardGateway> boards;
  private final ModelGateway models;
  private final Optional<WorkflowLibrary> library;
  private final Optional<VideoGateway> videos;

  /**
   * A loader over these ports.
   *
   * @param templates the server's node templates (e.g. {@code NodeTemplates.fromOpenApi} of its schema)
   * @param boards empty: board references are not checked (and not reset)
   * @param library empty: {@code call_saved_workflow} inputs are not refreshed, each such node is
   *     reported as {@link Kind#SAVED_WORKFLOW_UNAVAILABLE}
   */
  public WorkflowLoader(Supplier<NodeTemplates> templates, ImageGateway images, Optional<BoardGateway> boards,
      ModelGateway models, Optional<WorkflowLibrary> library) {
    this(templates, images, boards, models, library, Optional.empty());
  }

  /**
   * A loader over these ports that also checks video references.
   *
   * @param videos empty: video references are not checked (and not reset)
   */
  public WorkflowLoader(Supplier<NodeTemplates> templates, ImageGateway images, Optional<BoardGateway> boards,
      ModelGateway models, Optional<WorkflowLibrary> library, Optional<VideoGateway> videos) {
    this.templates = requireNonNull(templates, "templates == null");
    this.images = requireNonNull(images, "images == null");
    this.boards = requireNonNull(boards, "boards == null");
    this.models = requireNonNull(models, "models == null");
    this.library = requireNonNull(library, "library == null");
    this.videos = requireNonNull(videos, "videos == null");
  }

  /**
   * {@code definition} loaded again as the GUI connected to this server loads it; its warnings are
   * the definition's, then what this load changed, in the GUI's order (saved-workflow refresh, edges,
   * node updates, then resources). Each reference is looked up once per call.
   *
   * @throws io.invoke4j.domain.InvokeException when the server cannot be asked
   */
  public WorkflowDefinition load(WorkflowDefinition definition) {
    requireNonNull(definition, "definition == null");
    NodeTemplates server = templates.get();
    Function<String, Optional<JsonNode>> saved = id -> library.flatMap(l -> l.find(WorkflowId.of(id)))
        .flatMap(WorkflowRecord::workflow);
    WorkflowDefinition loaded = definition.reload(server, saved);
    return new Check(server).resources(loaded);
  }

  /** One load's lookups, cached so a reference used twice is asked for once. */
  private final class Check {
    private final NodeTemplates server;
    private final Map<String, Boolean> imageSeen = new HashMap<>();
    private final Map<String, Boolean> videoSeen = new HashMap<>();
    private final Map<String, Boolean> boardSeen = new HashMap<>();
    private final Map<String, Boolean> modelSeen = new HashMap<>();

    Check(NodeTemplates server) {
      this.server = server;
    }

    WorkflowDefinition resources(WorkflowDefinition loaded) {
      WorkflowDefinition result = loaded;
      for (WorkflowNode node : loaded.nodes()) {
        JsonNode data = node.json().path("data");
        if (!node.json().path("type").asText().equals("invocation") || server.find(node.type()).isEmpty()) {
          continue; // the GUI checks only nodes it has a template for
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = data.path("inputs").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> input = it.next();
          Optional<String> type = typeName(data, node.type(), input.getKey());
          JsonNode value = input.getValue().path("value");
          if (type.isPresent() && !value.isMissingNode() && !value.isNull()) {
            result = check(result, node, input.getKey(), type.get(), value);
          }
        }
      }
      return result;
    }

    private WorkflowDefinition check(WorkflowDefinition wf, WorkflowNode node, String field, String type,
        JsonNode value) {
      if (type.equals("ImageField") && value.path("image_name").isTextual()) {
        String name = value.get("image_name").asText();
        return image(name) ? wf : wf.withoutValue(node.id(), field, warning(Kind.IMAGE_RESET, node, field,
            "image " + name + " is not accessible on the server; value reset"));
      }
      if (type.equals("ImageField") && value.isArray()) {
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        List<String> gone = new ArrayList<>();
        for (JsonNode image : value) {
          if (image.path("image_name").isTextual() && !image(image.get("image_name").asText())) {
            gone.add(image.get("image_name").asText());
          } else {
            kept.add(image);
          }
        }
        // the GUI keeps the collection without the images it cannot read, with a warning for each
        WorkflowDefinition result = wf;
        for (String name : gone) {
          result = result.withLoadedValue(node.id(), field, kept, warning(Kind.IMAGE_RESET, node, field,
              "image " + name + " is not accessible on the server; removed from the collection"));
        }
        return result;
      }
      if (type.equals("VideoField") && value.path("video_name").isTextual() && videos.isPresent()) {
        String name = value.get("video_name").asText();
        return video(name) ? wf : wf.withoutValue(node.id(), field, warning(Kind.VIDEO_RESET, node, field,
            "video " + name + " is not accessible on the server; value reset"));
      }
      if (type.equals("BoardField") && value.path("board_id").isTextual() && boards.isPresent()) {
        // the strings "none" and "auto" are the GUI's own choices, never a board to look up
        String id = value.get("board_id").asText();
        return board(id) ? wf : wf.withoutValue(node.id(), field, warning(Kind.BOARD_RESET, node, field,
            "board " + id + " is not accessible on the server; value reset"));
      }
      if (MODEL_TYPES.contains(type) && value.path("key").isTextual()) {
        String key = value.get("key").asText();
        return model(key) ? wf : wf.withoutValue(node.id(), field, warning(Kind.MODEL_RESET, node, field,
            "model " + key + " (" + value.path("name").asText("?") + ") is not installed on the server; value reset"));
      }
      return wf;
    }

    private boolean image(String name) {
      return imageSeen.computeIfAbsent(name, n -> images.find(ImageName.of(n)).isPresent());
    }

    private boolean video(String name) {
      return videoSeen.computeIfAbsent(name, n -> videos.orElseThrow().find(VideoName.of(n)).isPresent());
    }

    private boolean board(String id) {
      return boardSeen.computeIfAbsent(id, b -> boards.orElseThrow().find(BoardId.of(b)).isPresent());
    }

    private boolean model(String key) {
      return modelSeen.computeIfAbsent(key, k -> models.find(ModelKey.of(k)).isPresent());
    }

    /** {@code getInvocationNodeInputTemplate}: the node's dynamic input templates first, then the server's. */
    private Optional<String> typeName(JsonNode data, String nodeType, String field) {
      JsonNode dynamic = data.path("dynamicInputTemplates").path(field).path("type").path("name");
      return dynamic.isTextual() ? Optional.of(dynamic.asText())
          : server.field(nodeType, field).map(FieldTemplate::typeName);
    }
  }

  private static LoadWarning warning(Kind kind, WorkflowNode node, String field, String why) {
    return LoadWarning.builder().kind(kind).nodeId(node.id()).fieldName(field)
        .message("node " + node.id() + " (" + node.type() + "), field " + field + ": " + why).build();
  }
}
