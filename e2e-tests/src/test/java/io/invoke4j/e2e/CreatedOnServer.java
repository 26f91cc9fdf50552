package io.invoke4j.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test created on the server, removed again after it (also when it failed): its batches are
 * cancelled, then its queue items, images and boards (with their images) deleted.
 */
final class CreatedOnServer {
  final List<String> batches = new ArrayList<>();
  final List<Integer> items = new ArrayList<>();
  final List<String> images = new ArrayList<>();
  final List<String> boards = new ArrayList<>();

  private final InvokeAiServer server;

  CreatedOnServer(InvokeAiServer server) {
    this.server = server;
  }

  void cleanUp() {
    if (!batches.isEmpty()) {
      server.cancelBatches(batches);
    }
    server.deleteQueueItems(items);
    if (!images.isEmpty()) {
      server.deleteImages(images);
    }
    boards.forEach(server::deleteBoardAndImages);
  }
}
