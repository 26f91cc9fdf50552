package io.invoke4j.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.domain.field.Cardinality;
import io.invoke4j.domain.workflow.LoadWarning.Kind;
import io.invoke4j.domain.workflow.WorkflowLoad.Type;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The GUI's load rules ({@code validateWorkflow.ts}) on a workflow of our own: a connector, a stale
 * value on a connection-only input, an outdated node and edges the GUI refuses, one per rule.
 */
class LoadRulesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String text() {
    try (InputStream in = LoadRulesTest.class.getResourceAsStream("load-rules.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void dropsTheValueOfAConnectionOnlyInput() {
    WorkflowDefinition wf = WorkflowDefinition.fromJson(text());

    assertThat(wf.node("n_save").orElseThrow().json().at("/data/inputs/metadata").has("value")).isFalse();
    assertThat(wf.loadWarnings()).filteredOn(w -> w.kind() == Kind.VALUE_DROPPED)
        .extracting(w -> w.nodeId().orElseThrow(), w -> w.fieldName().orElseThrow())
        .containsExactly(tuple("n_save", "metadata"));
  }

  @Test
  void removesEveryEdgeTheGuiRefusesWithItsReason() {
    WorkflowDefinition wf = WorkflowDefinition.fromJson(text());

    assertThat(wf.edges()).extracting(WorkflowEdge::source, WorkflowEdge::target)
        .containsExactly(tuple("n_int", "conn"),
            tuple("conn", "n_add"),
            tuple("n_blur", "n_save"));
    assertThat(wf.loadWarnings()).filteredOn(w -> w.kind() == Kind.EDGE_REMOVED)
        .extracting(w -> w.edgeId().orElseThrow()).containsExactly("e8", "e3", "e4", "e5", "e7");
    assertThat(wf.warnings()).containsSubsequence(
        "$.edges[7].source: edge dropped: no node with id \"ghost\"",
        "edge n_blur.image->n_add.b removed: field types must match (ImageField to IntegerField)",
        "edge n_add.value->n_add.a removed: a node cannot connect to itself",
        "edge n_int.value->n_add.a removed: input may only have one connection",
        "edge n_add.value->n_int.value removed: connection would create a cycle");
  }

  @Test
  void migratesTheSchemaAndLeavesTheFileAlone() throws IOException {
    JsonNode file = MAPPER.readTree(text());
    WorkflowDefinition wf = WorkflowDefinition.fromJsonNode(file);

    assertThat(file).isEqualTo(MAPPER.readTree(text()));
    assertThat(wf.schemaVersion()).isEqualTo("3.0.0");
    assertThat(wf.json().at("/meta/version").asText()).isEqualTo("4.0.0");
    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).contains(Kind.SCHEMA_MIGRATED);
    assertThat(wf.warnings()).noneMatch(w -> w.contains("migrated"));
  }

  @Test
  void offlineLeavesNodesOfAnotherVersionToTheServer() {
    WorkflowDefinition wf = WorkflowDefinition.fromJson(text());

    assertThat(wf.node("n_old").orElseThrow().json().at("/data/version").asText()).isEqualTo("1.0.0");
    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).doesNotContain(Kind.NODE_UPDATED);
  }

  @Test
  void withTheServersTemplatesUpdatesAnOutdatedNodeAddingFieldsWithDefaults() {
    WorkflowDefinition wf = WorkflowDefinition.fromJson(text(), OfflineTemplates.shipped());

    JsonNode old = wf.node("n_old").orElseThrow().json();
    assertThat(old.at("/data/version").asText()).isEqualTo("1.0.1");
    assertThat(old.at("/data/inputs/a/value").asInt()).isEqualTo(1);
    assertThat(old.at("/data/inputs/b/value").asInt()).isZero();
    assertThat(wf.loadWarnings()).filteredOn(w -> w.kind() == Kind.NODE_UPDATED).singleElement()
        .satisfies(w -> assertThat(w.message()).isEqualTo(
            "node n_old (add) updated from version 1.0.0 to 1.0.1; added b with defaults"));
  }

  @Test
  void aNodeOfAnotherMajorVersionIsNotUpdated() {
    WorkflowDefinition wf = WorkflowDefinition.fromJson(text().replace("\"1.0.0\"", "\"2.0.0\""),
        OfflineTemplates.shipped());

    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).contains(Kind.NODE_NOT_UPDATED)
        .doesNotContain(Kind.NODE_UPDATED);
  }

  @Test
  void withTheServersTemplatesANodeWithoutTemplateLosesItsEdges() {
    WorkflowDefinition wf = WorkflowDefinition.fromJson(text().replace("\"img_blur\"", "\"my_custom_blur\""),
        OfflineTemplates.shipped());

    assertThat(wf.edges()).noneMatch(e -> e.source().equals("n_blur"));
    assertThat(wf.loadWarnings()).extracting(LoadWarning::kind).contains(Kind.MISSING_NODE_TEMPLATE);
  }

  @Test
  void offlineANodeWithoutTemplateKeepsItsEdges() {
    WorkflowDefinition wf = WorkflowDefinition.fromJson(text().replace("\"img_blur\"", "\"my_custom_blur\""));

    assertThat(wf.edges()).anyMatch(e -> e.source().equals("n_blur") && e.target().equals("n_add"));
  }

  @Test
  void typesConnectAsTheGuiConnectsThem() {
    Type integer = new Type("IntegerField", Cardinality.SINGLE, false);
    Type floats = new Type("FloatField", Cardinality.SINGLE, false);
    Type string = new Type("StringField", Cardinality.SINGLE, false);
    Type integers = new Type("IntegerField", Cardinality.COLLECTION, false);
    Type integerOrList = new Type("IntegerField", Cardinality.SINGLE_OR_COLLECTION, false);
    Type batch = new Type("IntegerField", Cardinality.COLLECTION, true);
    Type item = new Type("CollectionItemField", Cardinality.SINGLE, false);
    Type generic = new Type("CollectionField", Cardinality.COLLECTION, false);
    Type any = new Type("AnyField", Cardinality.SINGLE, false);

    assertThat(ConnectionRules.typesConnect(integer, floats)).isTrue();
    assertThat(ConnectionRules.typesConnect(floats, integer)).isFalse();
    assertThat(ConnectionRules.typesConnect(floats, string)).isTrue();
    assertThat(ConnectionRules.typesConnect(integer, integers)).isFalse();
    assertThat(ConnectionRules.typesConnect(integers, integerOrList)).isTrue();
    assertThat(ConnectionRules.typesConnect(integer, integerOrList)).isTrue();
    assertThat(ConnectionRules.typesConnect(batch, integers)).isFalse();
    assertThat(ConnectionRules.typesConnect(item, integer)).isTrue();
    assertThat(ConnectionRules.typesConnect(item, integers)).isFalse();
    assertThat(ConnectionRules.typesConnect(integer, item)).isTrue();
    assertThat(ConnectionRules.typesConnect(generic, integers)).isTrue();
    assertThat(ConnectionRules.typesConnect(integers, generic)).isTrue();
    assertThat(ConnectionRules.typesConnect(string, any)).isTrue();
    assertThat(ConnectionRules.compatible(integer, integers)).isTrue();
  }
}
