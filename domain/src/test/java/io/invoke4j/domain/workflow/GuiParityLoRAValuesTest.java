package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.queue.EnqueueRequest;
import io.invoke4j.domain.queue.MissingInput;
import io.invoke4j.domain.queue.MissingInputs;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import org.junit.jupiter.api.Test;

/**
 * The value cases of the GUI's {@code types/field.test.ts} (LoRAField collection) on a workflow of
 * our own: a LoRA list is a stateful value, kept on load and sent, an empty list included; no
 * value is no problem (the input is optional). The GUI's zod shape checks of each item have no
 * counterpart: invoke4j sends the list as it is and the server validates it.
 */
class GuiParityLoRAValuesTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static ArrayNode loras() {
    ArrayNode list = F.arrayNode();
    ObjectNode lora = list.addObject();
    lora.putObject("lora").put("key", "some-key").put("hash", "some-hash").put("name", "My LoRA")
        .put("base", "sdxl").put("type", "lora");
    lora.put("weight", 0.75);
    return list;
  }

  private static WorkflowDefinition loader(JsonNode loras) {
    GuiWorkflow wf = new GuiWorkflow().node("l", "lora_collection_loader");
    if (loras != null) {
      wf.value("l", "loras", loras);
    }
    return wf.load();
  }

  @Test
  void keepsAndSendsAListOfLoraWeightPairs() {
    WorkflowDefinition wf = loader(loras());

    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).doesNotContain(Kind.VALUE_DROPPED);
    assertThat(EnqueueRequest.forWorkflow(wf).graphIds(() -> "g").build().graph().nodes().at("/l/loras"))
        .isEqualTo(loras());
  }

  @Test
  void keepsAndSendsAnEmptyList() {
    WorkflowDefinition wf = loader(F.arrayNode());

    assertThat(EnqueueRequest.forWorkflow(wf).graphIds(() -> "g").build().graph().nodes().at("/l/loras"))
        .isEqualTo(F.arrayNode());
  }

  @Test
  void acceptsNoValue() {
    WorkflowDefinition wf = loader(null);

    assertThat(MissingInputs.find(wf)).extracting(MissingInput::fieldName).doesNotContain("loras");
    assertThat(wf.loadWarnings()).isEmpty();
  }
}
