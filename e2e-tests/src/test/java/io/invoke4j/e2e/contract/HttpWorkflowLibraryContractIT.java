package io.invoke4j.e2e.contract;

import io.invoke4j.adapter.http.HttpWorkflowLibrary;
import io.invoke4j.ports.WorkflowLibrary;
import io.invoke4j.ports.WorkflowLibraryContract;

/** Runs {@link WorkflowLibraryContract} against the real server at {@code INVOKEAI_URL}. */
class HttpWorkflowLibraryContractIT extends WorkflowLibraryContract {
  private final RealServer server = new RealServer();
  private final HttpWorkflowLibrary workflows = new HttpWorkflowLibrary(server.http);

  @Override
  protected WorkflowLibrary workflows() {
    return workflows;
  }

  @Override
  protected void afterContract() {
    server.close();
  }
}
