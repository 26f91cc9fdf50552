package io.invoke4j.domain.queue;

import static io.invoke4j.domain.queue.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.OutputMapper.Selection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputMapperTest {
  /** gen (intermediate l2i) -> save (save_image, board b7) */
  private static final String GRAPH = """
      'graph': {'nodes': {
          'gen': {'id': 'gen', 'type': 'l2i', 'is_intermediate': true},
          'save': {'id': 'save', 'type': 'save_image', 'is_intermediate': false,
                   'board': {'board_id': 'b7'}},
          'num': {'id': 'num', 'type': 'integer', 'is_intermediate': false, 'value': 1}},
        'edges': [{'source': {'node_id': 'gen', 'field': 'image'},
                   'destination': {'node_id': 'save', 'field': 'image'}},
                  {'source': {'node_id': 'num', 'field': 'value'},
                   'destination': {'node_id': 'gen', 'field': 'tile_size'}}]}""";

  private static QueueItem item(String sessionRest, String itemRest) {
    return TestQueueItems.from(json("{'item_id': 1, 'status': 'completed', " + itemRest
        + " 'session': {" + GRAPH + (sessionRest.isEmpty() ? "" : ", " + sessionRest) + "}}"));
  }

  private static NodeOutput output(String id, String type, Tier tier, String... images) {
    return NodeOutput.builder().nodeId(id).nodeType(type).tier(tier)
        .imageNames(java.util.Arrays.stream(images).map(ImageName::of).toList())
        .boardId(id.equals("save") ? Optional.of(BoardId.of("b7")) : Optional.empty()).build();
  }

  @Test
  void mapsTheGoldenItemsImageNodeFromResults() {
    QueueItem item = TestQueueItems.from(TestJson.fixture("queue-items/completed-sdxl-text-to-image.json"));

    assertThat(OutputMapper.map(item)).containsExactly(NodeOutput.builder()
        .nodeId("canvas_output:JbPTiAJ26r").nodeType("l2i")
        .imageNames(List.of(ImageName.of("fe4089fd-1187-4883-b180-8aaf2fc317ba.png")))
        .tier(Tier.RESULTS).build());
    assertThat(OutputMapper.errors(item)).isEmpty();
  }

  @Test
  void readsEveryPreparedCopyInPreparedOrder() {
    QueueItem item = item("""
        'results': {'p2': {'type': 'image_output', 'image': {'image_name': 'second.png'}},
                    'p1': {'type': 'image_output', 'image': {'image_name': 'first.png'}},
                    'n1': {'type': 'integer_output', 'value': 1}},
        'prepared_source_mapping': {'p2': 'save', 'p1': 'save', 'n1': 'num'},
        'source_prepared_mapping': {'save': ['p1', 'p2'], 'num': ['n1']}""", "");

    assertThat(OutputMapper.map(item))
        .containsExactly(output("save", "save_image", Tier.RESULTS, "first.png", "second.png"));
  }

  @Test
  void includesIntermediateImageNodesWhenAsked() {
    QueueItem item = item("""
        'results': {'g1': {'type': 'image_output', 'image': {'image_name': 'raw.png'}},
                    'p1': {'type': 'image_output', 'image': {'image_name': 'saved.png'}}},
        'prepared_source_mapping': {'g1': 'gen', 'p1': 'save'}""", "");

    assertThat(OutputMapper.map(item, Selection.ALL_IMAGE_NODES)).containsExactly(
        output("gen", "l2i", Tier.RESULTS, "raw.png"),
        output("save", "save_image", Tier.RESULTS, "saved.png"));
  }

  @Test
  void fallsBackToALegacyOutputsList() {
    QueueItem item = item("'prepared_source_mapping': {'p1': 'save'}",
        "'outputs': [{'node_id': 'p1', 'image': {'image_name': 'legacy.png'}}],");

    assertThat(OutputMapper.map(item))
        .containsExactly(output("save", "save_image", Tier.LEGACY_OUTPUTS, "legacy.png"));
  }

  @Test
  void fallsBackToWhatConsumersReceivedInTheExecutionGraph() {
    QueueItem item = TestQueueItems.from(json("""
        {'session': {
          'graph': {'nodes': {'save': {'id': 'save', 'type': 'save_image', 'is_intermediate': false},
                              'show': {'id': 'show', 'type': 'show_image', 'is_intermediate': true}},
                    'edges': [{'source': {'node_id': 'save', 'field': 'image'},
                               'destination': {'node_id': 'show', 'field': 'image'}}]},
          'execution_graph': {
            'nodes': {'p1': {'id': 'p1', 'type': 'save_image'},
                      'p2': {'id': 'p2', 'type': 'show_image', 'image': {'image_name': 'seen.png'}}},
            'edges': [{'source': {'node_id': 'p1', 'field': 'image'},
                       'destination': {'node_id': 'p2', 'field': 'image'}}]},
          'prepared_source_mapping': {'p1': 'save', 'p2': 'show'},
          'results': {'p1': {'type': 'image_output'}}}}"""));

    assertThat(OutputMapper.map(item)).containsExactly(NodeOutput.builder().nodeId("save")
        .nodeType("save_image").tier(Tier.GRAPH_TRAVERSAL).addImageNames(ImageName.of("seen.png")).build());
  }

  @Test
  void listsAFailedOutputNodeWithNoImagesAndReportsItsError() {
    QueueItem item = item("""
        'results': {'n1': {'type': 'integer_output', 'value': 1}},
        'errors': {'p1': 'ValueError: boom'},
        'prepared_source_mapping': {'n1': 'num', 'p1': 'save'}""", "'status': 'failed',");

    assertThat(OutputMapper.map(item)).containsExactly(output("save", "save_image", Tier.NONE));
    assertThat(OutputMapper.errors(item)).containsExactly(NodeError.builder()
        .nodeId("save").preparedId("p1").message("ValueError: boom").build());
  }
}
