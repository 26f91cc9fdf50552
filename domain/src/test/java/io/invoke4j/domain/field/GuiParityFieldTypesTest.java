package io.invoke4j.domain.field;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The cases of the GUI's {@code util/schema/parseSchema.test.ts} and {@code types/field.test.ts}
 * that a client shares, on the templates invoke4j reads from the recorded 6.14.2 schema.
 */
class GuiParityFieldTypesTest {
  private static final NodeTemplates TEMPLATES = NodeTemplatesTest.TEMPLATES;

  @Test
  void parsesTheCallSavedWorkflowNodeTemplate() {
    FieldTemplate workflowId = TEMPLATES.field("call_saved_workflow", "workflow_id").orElseThrow();

    assertThat(workflowId.typeName()).isEqualTo("SavedWorkflowField");
    assertThat(workflowId.uiType()).contains("SavedWorkflowField");
    assertThat(workflowId.cardinality()).isEqualTo(Cardinality.SINGLE);
    assertThat(FieldTemplate.isStateful(workflowId.typeName())).isTrue();
  }

  @Test
  void parsesTheWorkflowReturnNodeTemplate() {
    // upstream's template (after 6.14) names the input collection; 6.14.2 names it values
    FieldTemplate values = TEMPLATES.field("workflow_return", "values").orElseThrow();

    assertThat(values.typeName()).isEqualTo("WorkflowReturnValueField");
    assertThat(values.cardinality()).isEqualTo(Cardinality.SINGLE_OR_COLLECTION);
    assertThat(values.input()).isEqualTo(InputKind.CONNECTION);
  }

  @Test
  void readsALoRAListInputAsAStatefulSingleOrCollectionLoRAField() {
    // isLoRAFieldCollectionFieldType / isLoRAFieldCollectionInputTemplate: LoRAField, SINGLE_OR_COLLECTION
    FieldTemplate loras = TEMPLATES.field("lora_collection_loader", "loras").orElseThrow();

    assertThat(loras.typeName()).isEqualTo("LoRAField");
    assertThat(loras.cardinality()).isEqualTo(Cardinality.SINGLE_OR_COLLECTION);
    assertThat(FieldTemplate.isStateful(loras.typeName())).isTrue();
    assertThat(loras.required()).isFalse();
  }
}
