package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.InvokeTransportException;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowRecord;
import io.invoke4j.ports.WorkflowLibrary;
import java.util.List;
import java.util.Optional;

/**
 * {@link WorkflowLibrary} over {@code /api/v1/workflows}.
 *
 * <p>Every method may throw {@link InvokeHttpException} on an error status, {@link
 * InvokeTransportException} when the server cannot be reached and {@link InvokeProtocolException}
 * when its answer cannot be read. Thread-safe.
 */
public final class HttpWorkflowLibrary implements WorkflowLibrary {
  private static final String WORKFLOWS = "api/v1/workflows/";

  private final InvokeHttp http;

  /** A library over {@code http}'s server. */
  public HttpWorkflowLibrary(InvokeHttp http) {
    this.http = requireNonNull(http, "http == null");
  }

  /**
   * {@inheritDoc} All pages in one request (no {@code per_page}). InvokeAI 6.14.2 knows the
   * categories {@code user} and {@code default} only; any other is a 422.
   */
  @Override
  public List<WorkflowRecord> list(List<String> categories) {
    requireNonNull(categories, "categories == null");
    InvokeHttp.Request request = http.get(WORKFLOWS);
    categories.forEach(c -> request.query("categories", c));
    return WorkflowMapper.toWorkflowRecords(request.sendJson());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<WorkflowRecord> find(WorkflowId id) {
    requireNonNull(id, "id == null");
    return http.get(workflowPath(id)).findJson().map(WorkflowMapper::toWorkflowRecord);
  }

  /**
   * {@inheritDoc} An {@code id} in the document is dropped (the server assigns one). Never repeated
   * after a 502-504 (it would save a second copy).
   */
  @Override
  public WorkflowRecord create(JsonNode workflow) {
    requireNonNull(workflow, "workflow == null");
    if (!workflow.isObject()) {
      throw new IllegalArgumentException("a workflow must be a JSON object");
    }
    ObjectNode document = workflow.deepCopy();
    document.remove("id");
    ObjectNode body = http.mapper().createObjectNode();
    body.set("workflow", document);
    return WorkflowMapper.toWorkflowRecord(http.request("POST", WORKFLOWS).json(body).sendJson());
  }

  /**
   * {@inheritDoc} The server updates the record named by the document's {@code id}, not the path's,
   * so the document is sent with {@code id} set to {@code id}.
   */
  @Override
  public WorkflowRecord update(WorkflowId id, JsonNode workflow) {
    requireNonNull(id, "id == null");
    requireNonNull(workflow, "workflow == null");
    if (!workflow.isObject()) {
      throw new IllegalArgumentException("a workflow must be a JSON object");
    }
    ObjectNode document = workflow.deepCopy();
    document.put("id", id.value());
    ObjectNode body = http.mapper().createObjectNode();
    body.set("workflow", document);
    return WorkflowMapper.toWorkflowRecord(
        http.request("PATCH", workflowPath(id)).json(body).sendJson());
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvokeHttpException 404 for an unknown id
   */
  @Override
  public void delete(WorkflowId id) {
    requireNonNull(id, "id == null");
    http.request("DELETE", workflowPath(id)).send();
  }

  private static String workflowPath(WorkflowId id) {
    return WORKFLOWS + "i/" + InvokeHttp.seg(id.value());
  }
}
