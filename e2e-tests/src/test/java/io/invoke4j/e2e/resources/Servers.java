package io.invoke4j.e2e.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The servers the repository ITs run on: the shared single-user one ({@code INVOKEAI_URL}) and a
 * multiuser one ({@code INVOKEAI_MULTIUSER_URL} with its admin {@code INVOKEAI_MULTIUSER_ADMIN_EMAIL}
 * / {@code INVOKEAI_MULTIUSER_ADMIN_PASSWORD}). A missing variable fails the test, never skips it.
 */
final class Servers {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT = Duration.ofMinutes(2);

  private Servers() {}

  static String env(String name, String why) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new AssertionError(name + " is not set: " + why);
    }
    return value.strip();
  }

  /** A client of the shared single-user server. */
  static InvokeAIClient singleUser() {
    return InvokeAIClient.fromUrl(env("INVOKEAI_URL", "the repository ITs need a real InvokeAI server"));
  }

  static String multiuserUrl() {
    return env("INVOKEAI_MULTIUSER_URL", "the multiuser ITs need a multiuser InvokeAI server"
        + " (scripts/invokeai-server start --multiuser prints it)");
  }

  static String adminEmail() {
    return env("INVOKEAI_MULTIUSER_ADMIN_EMAIL", "the multiuser ITs log in as its admin");
  }

  static String adminPassword() {
    return env("INVOKEAI_MULTIUSER_ADMIN_PASSWORD", "the multiuser ITs log in as its admin");
  }

  /** A client of the multiuser server logged in as its admin. */
  static InvokeAIClient multiuserAdmin() {
    return InvokeAIClient.builder().baseUrl(multiuserUrl()).credentials(adminEmail(), adminPassword()).build();
  }

  /** A file of the repository's {@code examples/} folder as a definition. */
  static WorkflowDefinition example(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path file = dir.resolve("examples").resolve(name);
      if (Files.isRegularFile(file)) {
        return WorkflowDefinition.fromFile(file);
      }
      dir = dir.getParent();
    }
    throw new AssertionError("examples/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  /** A name no other run uses, recognisable as this suite's. */
  static String unique(String what) {
    return "invoke4j-e2e-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A non-admin user of the multiuser server; {@link #close()} deletes it. */
  static final class User implements AutoCloseable {
    final String id;
    final String email;
    final String password;

    private User(String id, String email, String password) {
      this.id = id;
      this.email = email;
      this.password = password;
    }

    static User create() {
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      String email = "invoke4j-e2e-" + suffix + "@invoke4j.example.com";
      String password = "Invoke4j-" + suffix + "-Pw1";
      ObjectNode body = JSON.createObjectNode().put("email", email).put("display_name", "invoke4j e2e " + suffix)
          .put("password", password).put("is_admin", false);
      JsonNode created = admin("POST", "api/v1/auth/users", body);
      return new User(created.path("user_id").asText(), email, password);
    }

    InvokeAIClient client() {
      return InvokeAIClient.builder().baseUrl(multiuserUrl()).credentials(email, password).build();
    }

    @Override
    public void close() {
      admin("DELETE", "api/v1/auth/users/" + id, null);
    }

    private static JsonNode admin(String method, String path, JsonNode body) {
      String base = multiuserUrl().endsWith("/") ? multiuserUrl() : multiuserUrl() + "/";
      HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      try {
        HttpResponse<String> login = raw.send(HttpRequest.newBuilder(URI.create(base + "api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode()
                .put("email", adminEmail()).put("password", adminPassword())))).build(),
            HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(login.body()).path("token").asText();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (body != null) {
          request.header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
          request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
          throw new AssertionError(method + " " + path + " as admin -> " + response.statusCode() + ": "
              + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError(method + " " + path + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
