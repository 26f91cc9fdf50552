package io.invoke4j.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeProtocolException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/** Tolerant reading of the server's JSON: absent and {@code null} are the same. */
final class Json {
  /** SQLite's {@code YYYY-MM-DD HH:MM:SS[.fff]}, UTC without an offset. */
  private static final DateTimeFormatter SQLITE = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .optionalStart()
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .optionalEnd()
      .toFormatter();

  private Json() {}

  /** The member, or {@code null} when absent or JSON {@code null}. */
  static JsonNode member(JsonNode node, String name) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(name);
    return value == null || value.isNull() || value.isMissingNode() ? null : value;
  }

  static Optional<String> text(JsonNode node, String name) {
    JsonNode value = member(node, name);
    return value == null ? Optional.empty() : Optional.of(value.asText());
  }

  static String requiredText(JsonNode node, String name, String what) {
    return text(node, name).orElseThrow(
        () -> new InvokeProtocolException(what + " without " + name + ": " + excerpt(node)));
  }

  static int integer(JsonNode node, String name) {
    JsonNode value = member(node, name);
    return value == null ? 0 : value.asInt();
  }

  static long requiredLong(JsonNode node, String name, String what) {
    JsonNode value = member(node, name);
    if (value == null || !value.canConvertToLong() && !value.isTextual()) {
      throw new InvokeProtocolException(what + " without " + name + ": " + excerpt(node));
    }
    try {
      return value.isTextual() ? Long.parseLong(value.asText().strip()) : value.asLong();
    } catch (NumberFormatException e) {
      throw new InvokeProtocolException(what + " with a bad " + name + ": " + value, e);
    }
  }

  static long longValue(JsonNode node, String name) {
    JsonNode value = member(node, name);
    return value == null ? 0L : value.asLong();
  }

  static boolean bool(JsonNode node, String name) {
    JsonNode value = member(node, name);
    return value != null && value.asBoolean();
  }

  static Optional<Instant> instant(JsonNode node, String name) {
    return text(node, name).flatMap(Json::parseInstant);
  }

  /**
   * A timestamp as InvokeAI writes them: SQLite's {@code "2026-08-19 01:13:04.123"} (UTC, on queue
   * items, images, boards, workflows), ISO-8601 with or without an offset (users), or Unix seconds.
   * Empty for anything else: a timestamp we cannot read is not worth failing a whole record for.
   */
  static Optional<Instant> parseInstant(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (t.chars().allMatch(Character::isDigit)) {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
      }
      if (t.length() > 10 && t.charAt(10) == ' ') {
        return Optional.of(LocalDateTime.parse(t, SQLITE).toInstant(ZoneOffset.UTC));
      }
      if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return Optional.of(OffsetDateTime.parse(t).toInstant());
      }
      return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String excerpt(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
