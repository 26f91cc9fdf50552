package io.invoke4j.arch.violations.domain;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks: only WorkflowJson may use ObjectMapper. */
public final class MappingValue {
  final ObjectMapper mapper = new ObjectMapper();
}
