package io.invoke4j.app.cli;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.nio.file.Path;

/**
 * The workflow of {@code inputs} and {@code payload}: typed offline by what invoke4j knows of
 * InvokeAI's nodes, or with {@code --url} by the server's own node templates, which also give
 * enum options, required flags and the GUI's labels of nodes invoke4j has never seen.
 */
final class ServerTyping {
  private ServerTyping() {}

  /** {@code file} read and typed; the server is asked only when {@code --url} was given. */
  static WorkflowDefinition load(Path file, ServerOptions server) {
    WorkflowDefinition workflow = WorkflowDefinition.fromFile(file);
    if (!server.urlGiven()) {
      return workflow;
    }
    try (InvokeAIClient client = server.connect()) {
      return client.workflowRepo().createWorkflow(workflow).definition();
    } catch (InvokeException e) {
      throw new CliException(ErrorPolicy.exitCode(e), "read the node templates of " + server.url() + ": "
          + ErrorPolicy.clean(e.getMessage()), e);
    }
  }
}
