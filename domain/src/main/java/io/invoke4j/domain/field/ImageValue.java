package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** An image stored on the server, written as {@code {"image_name": ...}}. */
public record ImageValue(String imageName) implements FieldValue {
  public ImageValue {
    Objects.requireNonNull(imageName, "imageName == null");
    if (imageName.isBlank()) {
      throw new IllegalArgumentException("imageName is blank");
    }
  }

  @Override
  public JsonNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("image_name", imageName);
    return node;
  }
}
