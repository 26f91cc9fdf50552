package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A typed value of a workflow input. Every value knows the JSON it stands for: a value read from a
 * workflow gives back exactly the JSON the workflow carried, so nothing is lost by reading it.
 */
public sealed interface FieldValue
    permits StringValue, IntegerValue, FloatValue, BooleanValue, EnumValue, ImageValue, VideoValue,
        BoardValue, ModelValue, ColorValue, CollectionValue, RawValue {

  /** The JSON written into a workflow for this value (read-only by agreement: deepCopy before changing). */
  JsonNode toJson();
}
