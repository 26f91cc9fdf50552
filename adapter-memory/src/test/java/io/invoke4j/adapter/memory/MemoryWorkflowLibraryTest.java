package io.invoke4j.adapter.memory;

import io.invoke4j.ports.WorkflowLibrary;
import io.invoke4j.ports.WorkflowLibraryContract;

/** Runs {@link WorkflowLibraryContract} against a fresh {@link MemoryInvokeAI} per test. */
class MemoryWorkflowLibraryTest extends WorkflowLibraryContract {
  private final MemoryInvokeAI invoke = MemoryInvokeAI.create();

  @Override
  protected WorkflowLibrary workflows() {
    return invoke.workflows();
  }

  @Override
  protected void afterContract() {
    invoke.close();
  }
}
