package io.invoke4j.domain.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.field.NodeTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * The node templates of InvokeAI's built-in nodes for loading a workflow without a server:
 * {@code builtin-templates.json.gz} next to this class, the invocation and output schemas of one
 * server's {@code /openapi.json} as {@code scripts/snapshot-node-templates} writes them. Read once.
 */
final class OfflineTemplates {
  private static final String RESOURCE = "builtin-templates.json.gz";

  private OfflineTemplates() {}

  static NodeTemplates shipped() {
    return Holder.TEMPLATES;
  }

  static String version() {
    return Holder.VERSION;
  }

  private static final class Holder {
    static final String VERSION;
    static final NodeTemplates TEMPLATES;

    static {
      try (InputStream in = OfflineTemplates.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the invoke4j-domain jar");
        }
        JsonNode openapi = WorkflowJson.parse(new GZIPInputStream(in));
        VERSION = openapi.path("info").path("version").asText("unknown");
        TEMPLATES = NodeTemplates.fromOpenApi(openapi);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
