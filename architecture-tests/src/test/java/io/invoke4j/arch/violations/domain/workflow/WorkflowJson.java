package io.invoke4j.arch.violations.domain.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Allowed: the one parsing holder may use ObjectMapper. */
public final class WorkflowJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode parse(String json) throws JsonProcessingException {
    return MAPPER.readTree(json);
  }
}
