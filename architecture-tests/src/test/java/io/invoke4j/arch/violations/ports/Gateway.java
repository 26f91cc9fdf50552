package io.invoke4j.arch.violations.ports;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.arch.violations.domain.TreeValue;
import java.util.Optional;

/** Allowed: a port over domain types, the JDK and the Jackson tree the domain exposes. */
public interface Gateway {
  Optional<TreeValue> find(String id);

  void enqueue(JsonNode graph);
}
