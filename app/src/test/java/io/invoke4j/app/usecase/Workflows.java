package io.invoke4j.app.usecase;

import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test workflows in {@code src/test/resources/io/invoke4j/app}. */
public final class Workflows {
  /** {@code blank_image → img_blur → img_resize → save_image}, plus an unconnected model loader. */
  public static final String BLANK = "blank-blur-save-model.json";
  /** {@code image → img_blur → img_resize → save_image}; input 0 is an empty image. */
  public static final String BLUR = "blur-resize-save.json";

  public static final String BLANK_SAVE_NODE = "4278c261-4e1b-4b38-bbb4-a570294c4ea3";
  public static final String BLANK_BLUR_NODE = "6c79a3de-69f8-4e31-b1f3-b9238224b122";
  public static final String BLUR_IMAGE_NODE = "b8a1abcd-1a69-46c7-8da4-f9fc3c6da5d7";
  public static final String BLUR_SAVE_NODE = "fd724452-ccea-41ff-8a14-876aeaff1a09";

  private Workflows() {}

  public static WorkflowDefinition load(String name) {
    try (InputStream in = Workflows.class.getResourceAsStream("/io/invoke4j/app/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test workflow " + name);
      }
      return WorkflowDefinition.fromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
