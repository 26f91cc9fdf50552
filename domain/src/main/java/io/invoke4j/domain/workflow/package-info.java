/**
 * Workflows exported from the InvokeAI GUI: {@link io.invoke4j.domain.workflow.WorkflowDefinition}
 * reads and checks the JSON, discovers the user-facing inputs exactly as the GUI's form shows them,
 * and sets their values without touching the original; {@link io.invoke4j.domain.workflow.InputDrift}
 * tells whether index-based settings still match after a re-export.
 */
package io.invoke4j.domain.workflow;
