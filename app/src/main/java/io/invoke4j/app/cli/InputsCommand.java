package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.field.FieldValue;
import io.invoke4j.domain.field.FieldValues;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import io.invoke4j.domain.workflow.WorkflowInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code invoke4j inputs FILE [--json]}: the workflow's form inputs, in the GUI's order. */
@Command(
    name = "inputs",
    description = {"List the workflow's form inputs in the GUI's order (the index is the stable handle).",
        "Offline unless --url is given: then fields are typed, labelled and given their enum options by the"
            + " server's node templates."})
final class InputsCommand implements Runnable {
  private static final int MAX_VALUE_WIDTH = 60;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A workflow JSON exported from the InvokeAI GUI.")
  Path file;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Mixin ServerOptions server;

  @Override
  public void run() {
    WorkflowDefinition workflow = ServerTyping.load(file, server);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.pretty(asJson(workflow.inputs())));
    } else {
      out.print(table(workflow.inputs()));
    }
    out.flush();
  }

  static ArrayNode asJson(List<WorkflowInput> inputs) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (WorkflowInput input : inputs) {
      ObjectNode row = array.addObject();
      row.put("index", input.index());
      row.put("label", input.label());
      row.put("fieldName", input.fieldName());
      row.put("nodeId", input.nodeId());
      row.put("nodeName", input.nodeName());
      row.put("nodeType", input.nodeType());
      row.put("type", input.type().name());
      ArrayNode options = row.putArray("options");
      input.type().options().forEach(options::add);
      row.put("required", input.required());
      row.set("value", input.value().map(FieldValue::toJson).orElse(JsonNodeFactory.instance.nullNode()));
    }
    return array;
  }

  static String table(List<WorkflowInput> inputs) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"INDEX", "LABEL", "TYPE", "NODE", "VALUE"});
    for (WorkflowInput input : inputs) {
      rows.add(new String[] {
        Integer.toString(input.index()),
        input.label() + (input.required() ? " *" : ""),
        input.type().options().isEmpty() ? input.type().name()
            : shorten(input.type().name() + " (" + String.join("|", input.type().options()) + ")"),
        input.nodeName() + " (" + input.nodeId() + ")",
        input.value().map(v -> shorten(FieldValues.show(v.toJson()))).orElse("-"),
      });
    }
    String text = Table.render(rows);
    if (inputs.isEmpty()) {
      text += "(this workflow's form has no inputs)\n";
    }
    return text;
  }

  private static String shorten(String s) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= MAX_VALUE_WIDTH ? oneLine : oneLine.substring(0, MAX_VALUE_WIDTH - 1) + "…";
  }
}
