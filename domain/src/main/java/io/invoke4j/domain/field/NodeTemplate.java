package io.invoke4j.domain.field;

import io.invoke4j.domain.InvokeStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One invocation as the server's OpenAPI schema describes it, the way the GUI's node templates
 * ({@code parseSchema.ts}) see it: its type, title, version, classification, output and its input
 * fields in the order the GUI shows them.
 */
@Value.Immutable
@InvokeStyle
public abstract class NodeTemplate {

  /** The invocation type, e.g. {@code img_blur}. */
  public abstract String type();

  /** The title the GUI shows, e.g. {@code Blur Image}. */
  public abstract String title();

  /** The node's semver, e.g. {@code 1.2.2}. */
  public abstract String version();

  /** {@code stable}, {@code beta}, {@code prototype}, {@code deprecated}, {@code internal} or {@code special}. */
  public abstract String classification();

  /** The schema's description, empty when it has none. */
  @Value.Default
  public String description() {
    return "";
  }

  /** The node pack, {@code invokeai} for built-in nodes. */
  @Value.Default
  public String nodePack() {
    return "";
  }

  /** The output type, e.g. {@code image_output}. */
  public abstract String outputType();

  /** True when the output carries an image or a list of images. */
  public abstract boolean outputsImages();

  /** True when the output carries a video. */
  public abstract boolean outputsVideos();

  /**
   * The input fields in the order the GUI lists them: those with a {@code ui_order} first, by it,
   * then the others in schema order. Reserved properties ({@code id}, {@code type},
   * {@code use_cache}, {@code is_intermediate}) are not among them.
   */
  public abstract List<FieldTemplate> inputs();

  /** The input named {@code fieldName}, empty when the node has none. */
  public Optional<FieldTemplate> input(String fieldName) {
    for (FieldTemplate input : inputs()) {
      if (input.name().equals(fieldName)) {
        return Optional.of(input);
      }
    }
    return Optional.empty();
  }

  /**
   * The outputs, in schema order ({@code type} left out, as the GUI leaves it out); empty for
   * templates made without them.
   */
  public abstract List<OutputTemplate> outputs();

  /** The output named {@code fieldName}, empty when the node has none. */
  public Optional<OutputTemplate> output(String fieldName) {
    for (OutputTemplate output : outputs()) {
      if (output.name().equals(fieldName)) {
        return Optional.of(output);
      }
    }
    return Optional.empty();
  }

  /** The names of the inputs that must be fed by a value or an edge, in {@link #inputs()} order. */
  public List<String> requiredInputs() {
    return inputs().stream().filter(FieldTemplate::required).map(FieldTemplate::name).toList();
  }

  /** A builder, for templates made by hand (tests, fakes). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a node template; every attribute but description and node pack is required. */
  public static final class Builder extends ImmutableNodeTemplate.Builder {}

  @Value.Check
  void check() {
    if (inputs().stream().map(FieldTemplate::name).distinct().count() != inputs().size()) {
      throw new IllegalArgumentException("input names repeat in node " + type());
    }
  }
}
