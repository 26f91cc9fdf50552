package io.invoke4j.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.image.VideoName;
import io.invoke4j.domain.queue.BatchId;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import io.invoke4j.domain.queue.QueueItemStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Wan 2.2 item's results, shaped as {@code VideoOutput} in 6.14.2's schema (no model-less server makes one). */
class VideoOutputTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void videoResultsAreMappedToTheirSourceNodes() {
    ObjectNode graph = JSON.objectNode();
    graph.putObject("nodes").putObject("out").put("id", "out").put("type", "wan_latents_to_video");
    ObjectNode video = JSON.objectNode().put("type", "video_output").put("width", 832).put("height", 480);
    video.putObject("video").put("video_name", "v1.mp4");
    ObjectNode image = JSON.objectNode().put("type", "image_output");
    image.putObject("image").put("image_name", "i.png");
    QueueItem item = QueueItem.builder().itemId(QueueItemId.of(1)).batchId(BatchId.of("b"))
        .status(QueueItemStatus.COMPLETED).statusText("completed").graph(graph)
        .results(Map.of("prep-out", video, "prep-img", image))
        .preparedSourceMapping(Map.of("prep-out", "out", "prep-img", "img"))
        .build();

    assertThat(VideoOutput.of(item)).containsExactly(
        new VideoOutput("out", "wan_latents_to_video", List.of(VideoName.of("v1.mp4"))));
  }
}
