package io.invoke4j.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** JSON recorded from InvokeAI 6.14.2 (see fixtures/README.md) and MockWebServer helpers. */
final class Fixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    return parse(text(name));
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build();
  }

  static MockResponse ok(String body) {
    return json(200, body);
  }

  static MockResponse fixture(String name) {
    return ok(text(name));
  }

  static HttpSettings.Builder settings(MockWebServer server) {
    return HttpSettings.builder()
        .baseUrl(URI.create(server.url("/").toString()))
        .retryPolicy(RetryPolicy.of(4, Duration.ofMillis(1), Duration.ofMillis(5)))
        .responseTimeout(Duration.ofSeconds(5));
  }
}
