package io.invoke4j.arch.violations.domain;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Allowed: Jackson's tree types. */
public final class TreeValue {
  JsonNode widthOf(JsonNode graph) {
    ObjectNode copy = graph.deepCopy();
    copy.set("extra", JsonNodeFactory.instance.textNode("x"));
    return copy.at(JsonPointer.compile("/width"));
  }
}
