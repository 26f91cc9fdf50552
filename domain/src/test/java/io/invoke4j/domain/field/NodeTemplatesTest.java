package io.invoke4j.domain.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeTemplatesTest {
  static final NodeTemplates TEMPLATES = NodeTemplates.fromOpenApi(openApi());

  /** The /openapi.json of a real InvokeAI 6.14.2 server. */
  static JsonNode openApi() {
    try (InputStream in = NodeTemplatesTest.class.getResourceAsStream("openapi-6.14.2.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FieldTemplate field(String nodeType, String fieldName) {
    return TEMPLATES.field(nodeType, fieldName).orElseThrow();
  }

  @Test
  void readsEveryInvocationButTheDeniedOnes() {
    // 6.14.2 no longer serves graph / linear_ui_output, which the GUI would skip
    assertThat(TEMPLATES.size()).isEqualTo(309);
    assertThat(TEMPLATES.find("graph")).isEmpty();
    assertThat(TEMPLATES.find("nonexistent_node")).isEmpty();
  }

  @Test
  void readsANodeTemplate() {
    NodeTemplate blur = TEMPLATES.find("img_blur").orElseThrow();
    assertThat(blur.title()).isEqualTo("Blur Image");
    assertThat(blur.version()).isEqualTo("1.2.2");
    assertThat(blur.classification()).isEqualTo("stable");
    assertThat(blur.nodePack()).isEqualTo("invokeai");
    assertThat(blur.outputType()).isEqualTo("image_output");
    assertThat(blur.outputsImages()).isTrue();
    assertThat(blur.outputsVideos()).isFalse();
    assertThat(blur.inputs()).extracting(FieldTemplate::name)
        .containsExactly("board", "metadata", "image", "radius", "blur_type");
    assertThat(blur.requiredInputs()).containsExactly("image");
  }

  @Test
  void readsANumberFieldWithItsTitleDefaultAndMinimum() {
    FieldTemplate expected = FieldTemplate.builder()
        .name("radius").title("Radius").description("The blur radius")
        .typeName("FloatField").cardinality(Cardinality.SINGLE)
        .required(false).input(InputKind.ANY)
        .defaultValue(DoubleNode.valueOf(8.0))
        .minimum(BigDecimal.ZERO)
        .build();
    assertThat(field("img_blur", "radius")).isEqualTo(expected);
    assertThat(expected.fieldType()).isEqualTo(FieldType.FLOAT);
    assertThat(expected.connectionOnly()).isFalse();
  }

  @Test
  void readsTheIntegerPrimitive() {
    FieldTemplate value = field("integer", "value");
    assertThat(value.typeName()).isEqualTo("IntegerField");
    assertThat(value.fieldType()).isEqualTo(FieldType.INTEGER);
    assertThat(value.defaultValue()).contains(IntNode.valueOf(0));
    assertThat(TEMPLATES.find("integer").orElseThrow().title()).isEqualTo("Integer Primitive");
  }

  @Test
  void readsSaveImageBoardAsAnInternalDirectFieldTitledFromItsName() {
    FieldTemplate board = field("save_image", "board");
    assertThat(board.title()).isEqualTo("Board"); // no schema title: Start Case of the name
    assertThat(board.internal()).isTrue();
    assertThat(board.input()).isEqualTo(InputKind.DIRECT);
    assertThat(board.fieldType()).isEqualTo(FieldType.BOARD);
    assertThat(board.defaultValue()).contains(TextNode.valueOf("auto")); // the GUI's fallback
    FieldTemplate metadata = field("save_image", "metadata");
    assertThat(metadata.input()).isEqualTo(InputKind.CONNECTION);
    assertThat(metadata.connectionOnly()).isTrue();
    assertThat(metadata.fieldType()).isEqualTo(FieldType.RAW);
  }

  @Test
  void skipsReservedProperties() {
    assertThat(TEMPLATES.find("save_image").orElseThrow().inputs()).extracting(FieldTemplate::name)
        .doesNotContain("id", "type", "use_cache", "is_intermediate");
    assertThat(TEMPLATES.field("iterate", "index")).isEmpty();
    assertThat(TEMPLATES.field("iterate", "collection")).isPresent();
  }

  @Test
  void typesAVideoInputAndAVideoOutput() {
    FieldTemplate video = field("extract_video_range", "video");
    assertThat(video.typeName()).isEqualTo("VideoField");
    assertThat(video.required()).isTrue();
    assertThat(video.fieldType()).isEqualTo(FieldType.VIDEO);
    assertThat(field("extract_video_range", "start_frame").title()).isEqualTo("Start Frame");
    assertThat(field("extract_video_range", "start_frame").uiComponent()).contains("video-frame-index");
    NodeTemplate node = TEMPLATES.find("extract_video_range").orElseThrow();
    assertThat(node.outputsVideos()).isTrue();
    assertThat(node.classification()).isEqualTo("prototype");
    assertThat(field("video_concat", "videos").fieldType()).isEqualTo(FieldType.collectionOf(FieldType.VIDEO));
  }

  @Test
  void readsEnumOptionsAndChoiceLabels() {
    FieldTemplate blurType = field("img_blur", "blur_type");
    assertThat(blurType.options()).containsExactly("gaussian", "box");
    assertThat(blurType.fieldType()).isEqualTo(FieldType.enumOf(java.util.List.of("gaussian", "box")));
    FieldTemplate scheduler = field("anima_denoise", "scheduler");
    assertThat(scheduler.choiceLabels()).containsEntry("dpmpp_2m", "DPM++ 2M");
    assertThat(field("flux_ip_adapter", "clip_vision_model").options()).containsExactly("ViT-L"); // const
    assertThat(field("denoise_latents", "scheduler").fieldType().kind()).isEqualTo(FieldType.Kind.SCHEDULER);
  }

  @Test
  void typesIntegerLiteralEnumsAsIntegersCheckedAgainstTheirOptions() {
    FieldTemplate maxSeqLen = field("flux_text_encoder", "t5_max_seq_len");
    assertThat(maxSeqLen.options()).containsExactly("256", "512");
    assertThat(maxSeqLen.numericOptions()).isTrue();
    assertThat(maxSeqLen.fieldType()).isEqualTo(FieldType.INTEGER);
    assertThat(maxSeqLen.validate(new IntegerValue(512))).isEmpty();
    assertThat(maxSeqLen.validate(new IntegerValue(300))).extracting(FieldProblem::constraint)
        .containsExactly(FieldProblem.Constraint.ENUM);
  }

  @Test
  void readsAModelField() {
    FieldTemplate model = field("main_model_loader", "model");
    assertThat(model.typeName()).isEqualTo("ModelIdentifierField");
    assertThat(model.fieldType()).isEqualTo(FieldType.MODEL);
    assertThat(model.required()).isTrue();
    assertThat(model.defaultValue()).isEmpty();
  }

  @Test
  void readsConnectionOnlyFieldsInUiOrder() {
    FieldTemplate latents = field("denoise_latents", "latents");
    assertThat(latents.typeName()).isEqualTo("LatentsField");
    assertThat(latents.connectionOnly()).isTrue();
    assertThat(latents.fieldType()).isEqualTo(FieldType.RAW);
    assertThat(latents.defaultValue()).isEmpty();
    // UNetField says input "any" but has no value of its own: connection-only all the same
    FieldTemplate unet = field("denoise_latents", "unet");
    assertThat(unet.connectionOnly()).isTrue();
    assertThat(TEMPLATES.find("denoise_latents").orElseThrow().inputs()).extracting(FieldTemplate::name)
        .startsWith("positive_conditioning", "negative_conditioning", "unet", "noise", "latents");
    assertThat(field("denoise_latents", "positive_conditioning").cardinality())
        .isEqualTo(Cardinality.SINGLE_OR_COLLECTION);
  }

  @Test
  void readsSingleOrCollectionNumbersAndExclusiveBounds() {
    FieldTemplate cfg = field("denoise_latents", "cfg_scale");
    assertThat(cfg.title()).isEqualTo("CFG Scale");
    assertThat(cfg.cardinality()).isEqualTo(Cardinality.SINGLE_OR_COLLECTION);
    assertThat(cfg.fieldType()).isEqualTo(FieldType.FLOAT);
    assertThat(field("denoise_latents", "steps").exclusiveMinimum()).contains(BigDecimal.ZERO);
    assertThat(field("denoise_latents", "cfg_rescale_multiplier").exclusiveMaximum()).contains(BigDecimal.ONE);
  }

  @Test
  void readsConstraintsPydanticPutsInsideAnyOf() {
    // Optional[int] = Field(ge=0, multiple_of=8): the GUI reads only the top level, the server checks these
    FieldTemplate x = field("crop_latents", "x");
    assertThat(x.minimum()).contains(BigDecimal.ZERO);
    assertThat(x.multipleOf()).contains(BigDecimal.valueOf(8));
    FieldTemplate images = field("flux_kontext_image_prep", "images");
    assertThat(images.minItems()).isPresent();
    assertThat(images.maxItems()).isPresent();
    assertThat(field("float_batch", "floats").batch()).isTrue();
  }

  @Test
  void ownTitlesAndBuiltInTableAgree() {
    BuiltInNodes table = BuiltInNodes.shipped();
    TEMPLATES.asMap().values().forEach(node -> {
      assertThat(table.nodeTitle(node.type())).as(node.type()).contains(node.title());
      node.inputs().forEach(input -> assertThat(table.fieldTitle(node.type(), input.name()))
          .as(node.type() + "." + input.name()).contains(input.title()));
    });
  }

  @Test
  void startCasesNamesLikeTheGui() {
    assertThat(NodeTemplates.startCase("start_frame")).isEqualTo("Start Frame");
    assertThat(NodeTemplates.startCase("image2")).isEqualTo("Image 2");
    assertThat(NodeTemplates.startCase("t5_encoder")).isEqualTo("T 5 Encoder");
    assertThat(NodeTemplates.startCase("fooBar")).isEqualTo("Foo Bar");
    assertThat(NodeTemplates.startCase("XMLHttp")).isEqualTo("XML Http");
  }

  @Test
  void refusesSomethingThatIsNoDocument() {
    assertThatThrownBy(() -> NodeTemplates.fromOpenApi(TextNode.valueOf("openapi")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NodeTemplates.fromOpenApi(new ObjectMapper().createObjectNode()).size()).isZero();
  }

  @Test
  void givesTitlesAsNodeTitles() {
    assertThat(TEMPLATES.nodeTitle("img_blur")).contains("Blur Image");
    assertThat(TEMPLATES.fieldTitle("extract_video_range", "start_frame")).contains("Start Frame");
    assertThat(TEMPLATES.fieldTitle("img_blur", "nope")).isEqualTo(Optional.empty());
    assertThat(TEMPLATES.nodeTitle("collect")).contains("Collect");
  }
}
