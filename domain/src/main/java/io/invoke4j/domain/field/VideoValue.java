package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A video stored on the server ({@code VideoField}), written as {@code {"video_name": ...}}. */
public record VideoValue(String videoName) implements FieldValue {
  /** Checks the name is present and not blank. */
  public VideoValue {
    Objects.requireNonNull(videoName, "videoName == null");
    if (videoName.isBlank()) {
      throw new IllegalArgumentException("videoName is blank");
    }
  }

  @Override
  public JsonNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("video_name", videoName);
    return node;
  }
}
