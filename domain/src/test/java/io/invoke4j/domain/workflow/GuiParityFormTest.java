package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The form-emptiness cases of the GUI's {@code components/sidePanel/builder/form-manipulation.test.ts}
 * ({@code getIsFormEmpty}) as they matter to a client: legacy exposed fields become the inputs only
 * when the form is empty.
 */
class GuiParityFormTest {

  @Test
  void anEmptyFormTakesTheExposedFields() {
    WorkflowDefinition wf = new GuiWorkflow().node("n", "add").exposed("n", "b").load();

    assertThat(wf.inputs()).extracting(WorkflowInput::fieldName).containsExactly("b");
  }

  @Test
  void aFormThatIsNotEmptyIsKeptAndTheExposedFieldsIgnored() {
    WorkflowDefinition wf = new GuiWorkflow().node("n", "add").formField("n", "a").exposed("n", "b").load();

    assertThat(wf.inputs()).extracting(WorkflowInput::fieldName).containsExactly("a");
  }
}
