package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowFormatException;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoke4j workflows list|get|save|delete}: the server's workflow library. */
@Command(name = "workflows", description = "The server's workflow library (what the GUI's Workflows tab shows).",
    subcommands = {WorkflowsCommand.ListWorkflows.class, WorkflowsCommand.Get.class, WorkflowsCommand.Save.class,
        WorkflowsCommand.Delete.class})
final class WorkflowsCommand extends ClientCommand.Group {

  @Command(name = "list", description = "List saved workflows (without their documents).")
  static final class ListWorkflows extends ClientCommand {
    @Option(names = "--category", paramLabel = "CATEGORY", description = "user or default (default: both).")
    List<String> categories = List.of();

    @Override
    JsonNode execute(InvokeAIClient client) {
      return Views.array(client.workflowLibrary().list(categories), Views::workflow);
    }
  }

  @Command(name = "get", description = {"Print a saved workflow's document, ready for 'run' or the GUI's import.",
      "With --json: its record with the document under \"workflow\"."})
  static final class Get extends ClientCommand {
    @Parameters(paramLabel = "WORKFLOW_ID", description = "The workflow (see 'workflows list').")
    String id;

    @Override
    JsonNode execute(InvokeAIClient client) {
      WorkflowRecord record = client.workflowLibrary().find(WorkflowId.of(id))
          .orElseThrow(() -> notFound("workflow " + id));
      ObjectNode result = Views.workflow(record);
      result.set("workflow", record.workflow().orElseThrow(() -> notFound("document of workflow " + id)));
      return result;
    }

    @Override
    String text(JsonNode result) {
      return Json.pretty(result.get("workflow")) + System.lineSeparator();
    }
  }

  @Command(name = "save", description = "Save a workflow file to the library: a new workflow, or with --id over one.")
  static final class Save extends ClientCommand {
    @Parameters(paramLabel = "FILE", description = "A workflow JSON exported from the InvokeAI GUI.")
    Path file;

    @Option(names = "--id", paramLabel = "WORKFLOW_ID", description = "Replace this saved workflow instead.")
    String id;

    @Override
    JsonNode execute(InvokeAIClient client) {
      JsonNode document;
      try {
        // read as the run command would, so a broken file is refused here, not in the GUI later
        WorkflowDefinition.fromFile(file);
        document = new ObjectMapper().readTree(file.toFile());
      } catch (WorkflowFormatException e) {
        throw new CliException(CliException.USAGE, file + ": " + ErrorPolicy.clean(e.getMessage()), e);
      } catch (IOException e) {
        throw new CliException(CliException.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
      }
      if (id == null) {
        return Views.workflow(client.workflowLibrary().create(document));
      }
      WorkflowId existing = WorkflowId.of(id);
      client.workflowLibrary().find(existing).orElseThrow(() -> notFound("workflow " + id));
      return Views.workflow(client.workflowLibrary().update(existing, document));
    }
  }

  @Command(name = "delete", description = "Delete a saved workflow.")
  static final class Delete extends ClientCommand {
    @Parameters(paramLabel = "WORKFLOW_ID", description = "The workflow (see 'workflows list').")
    String id;

    @Override
    JsonNode execute(InvokeAIClient client) {
      WorkflowId workflow = WorkflowId.of(id);
      client.workflowLibrary().find(workflow).orElseThrow(() -> notFound("workflow " + id));
      client.workflowLibrary().delete(workflow);
      return Views.object().put("id", id).put("deleted", true);
    }
  }
}
