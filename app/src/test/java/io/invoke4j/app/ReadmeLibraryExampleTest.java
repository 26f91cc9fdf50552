package io.invoke4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.workflow.WorkflowDefinition;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Library" snippet, kept compiling and true. */
class ReadmeLibraryExampleTest {

  @Test
  void readmeSnippetBuildsASweepOfSixSessions() {
    WorkflowDefinition workflow = WorkflowDefinition.fromFile(Path.of("../examples/blank-blur-save.json"));

    WorkflowDefinition wider = workflow.withValue(0, 320).withValueText(3, "2.5");
    EnqueueRequest request = EnqueueRequest.forWorkflow(wider.json())
        .runs(3)
        .sweep(workflow.sweep(1, 64, 128))
        .build();
    ObjectNode body = request.toJson();

    assertThat(request.expectedSessions()).isEqualTo(6);
    assertThat(body.at("/batch/graph/nodes/c3e4a892-d919-4ada-8fcf-a583e1df8af9/width").asInt()).isEqualTo(320);
    assertThat(body.at("/batch/graph/nodes/6c79a3de-69f8-4e31-b1f3-b9238224b122/radius").asDouble()).isEqualTo(2.5);
    assertThat(body.at("/batch/data/0/0/field_name").asText()).isEqualTo("height");
    assertThat(workflow.input(0).value().orElseThrow().toJson().asInt()).isEqualTo(512);
  }
}
