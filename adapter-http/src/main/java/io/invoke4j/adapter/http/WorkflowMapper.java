package io.invoke4j.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.InvokeProtocolException;
import io.invoke4j.domain.workflow.WorkflowId;
import io.invoke4j.domain.workflow.WorkflowRecord;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code WorkflowRecordDTO} and the library's paginated list items. */
final class WorkflowMapper {
  private WorkflowMapper() {}

  /**
   * A record. The list items carry {@code category} and {@code description}; the records of
   * {@code GET /i/{id}} and of create/update do not (6.14.2), so those come from the document's
   * {@code meta.category} and {@code description}.
   */
  static WorkflowRecord toWorkflowRecord(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InvokeProtocolException("a workflow record must be a JSON object: " + Json.excerpt(json));
    }
    JsonNode workflow = Json.member(json, "workflow");
    if (workflow != null && !workflow.isObject()) {
      workflow = null;
    }
    WorkflowRecord.Builder record = WorkflowRecord.builder()
        .id(WorkflowId.of(Json.requiredText(json, "workflow_id", "workflow record")))
        .name(Json.text(json, "name").or(() -> Json.text(Json.member(json, "workflow"), "name"))
            .orElse(""))
        .category(Json.text(json, "category")
            .or(() -> Json.text(Json.member(Json.member(json, "workflow"), "meta"), "category"))
            .orElse("user"))
        .description(Json.text(json, "description")
            .or(() -> Json.text(Json.member(json, "workflow"), "description")))
        .createdAt(Json.instant(json, "created_at"))
        .updatedAt(Json.instant(json, "updated_at"))
        .raw(json);
    if (workflow != null) {
      record.workflow(workflow);
    }
    return record.build();
  }

  static List<WorkflowRecord> toWorkflowRecords(JsonNode json) {
    List<WorkflowRecord> records = new ArrayList<>();
    JsonNode items = Json.member(json, "items");
    if (items != null && items.isArray()) {
      items.forEach(node -> records.add(toWorkflowRecord(node)));
    }
    return records;
  }
}
