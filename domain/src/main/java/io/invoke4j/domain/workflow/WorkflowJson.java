package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one place in the domain that turns text into a JSON tree (the architecture rule allows this
 * class by name). Everything else works on {@link JsonNode}s.
 */
final class WorkflowJson {
  // USE_BIG_DECIMAL_FOR_FLOATS is off: the GUI writes JS numbers, which are doubles.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private WorkflowJson() {}

  static JsonNode parse(String text) {
    try {
      return checked(MAPPER.readTree(text));
    } catch (JacksonException e) {
      throw new WorkflowFormatException("$", "not valid JSON: " + firstLine(e.getOriginalMessage()), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new WorkflowFormatException("$", "not valid JSON: " + e, e);
    }
  }

  static JsonNode parse(InputStream in) {
    try {
      return checked(MAPPER.readTree(in));
    } catch (JacksonException e) {
      throw new WorkflowFormatException("$", "not valid JSON: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new WorkflowFormatException("$", "cannot read the workflow: " + e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new WorkflowFormatException("$", "not valid JSON: " + e, e);
    }
  }

  private static JsonNode checked(JsonNode tree) {
    // readTree answers MissingNode for empty input instead of failing
    if (tree == null || tree.isMissingNode()) {
      throw new WorkflowFormatException("$", "empty document");
    }
    return tree;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
