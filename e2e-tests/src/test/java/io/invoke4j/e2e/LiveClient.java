package io.invoke4j.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.InvokeException;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.queue.QueueItem;
import io.invoke4j.domain.queue.QueueItemId;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * An {@link InvokeAIClient} on the real server of the Workflow API ITs ({@code INVOKEAI_URL}, which
 * must be set: an e2e run without a server fails, it never skips) and everything a test created
 * there: queue items, images and boards, deleted by {@link #close()}. A queue item's images - the
 * saved ones and the intermediate ones its nodes made - are found in its session results and deleted
 * with it.
 */
final class LiveClient implements AutoCloseable {
  final InvokeAIClient client;
  private final Set<QueueItemId> items = new LinkedHashSet<>();
  private final Set<ImageName> images = new LinkedHashSet<>();
  private final Set<BoardId> boards = new LinkedHashSet<>();

  /** A client of {@code INVOKEAI_URL} with the default settings. */
  LiveClient() {
    this(InvokeAIClient.fromUrl(url()));
  }

  /** Tracks what {@code client} creates; {@link #close()} closes it too. */
  LiveClient(InvokeAIClient client) {
    this.client = client;
  }

  /** {@code INVOKEAI_URL}; fails (never skips) when it is not set. */
  static String url() {
    return requiredEnv("INVOKEAI_URL", "the Workflow API ITs need a real InvokeAI server"
        + " (scripts/invokeai-server start prints it)");
  }

  /** An environment variable that must be set; fails naming it otherwise. */
  static String requiredEnv(String name, String why) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new AssertionError(name + " is not set: " + why);
    }
    return value.strip();
  }

  /** A file of the repository's {@code examples/} folder, found from the working directory upwards. */
  static Path example(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path file = dir.resolve("examples").resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
      dir = dir.getParent();
    }
    throw new AssertionError("examples/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  /** A unique name for something a test creates, recognisable as the e2e tests'. */
  static String uniqueName(String what) {
    return "invoke4j-e2e-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Deletes these items (and their images) at the end. */
  LiveClient items(Collection<QueueItemId> ids) {
    items.addAll(ids);
    return this;
  }

  /** Deletes this image at the end. */
  LiveClient image(ImageName name) {
    images.add(name);
    return this;
  }

  /** A new board, deleted with its images at the end. */
  Board board() {
    Board board = client.boards().create(uniqueName("board"));
    boards.add(board.id());
    return board;
  }

  /** Deletes this board and its images at the end. */
  LiveClient board(BoardId id) {
    boards.add(id);
    return this;
  }

  /**
   * Pauses the server's processor: pending items stay pending until {@link #resumeProcessor()},
   * which a test calls in a {@code finally} so a failure never leaves the server paused.
   */
  void pauseProcessor() {
    client.queue().pauseProcessor();
  }

  /** Resumes the server's processor (resuming a running one is harmless). */
  void resumeProcessor() {
    client.queue().resumeProcessor();
  }

  /** Every image name in an item's session results (saved and intermediate images). */
  static List<ImageName> imagesOf(QueueItem item) {
    List<ImageName> names = new ArrayList<>();
    for (JsonNode result : item.results().values()) {
      result.findValues("image_name").stream().filter(JsonNode::isTextual)
          .forEach(name -> names.add(ImageName.of(name.asText())));
    }
    return names;
  }

  /** Deletes what was created, best effort (a cleanup failure must not hide the test's), then closes the client. */
  @Override
  public void close() {
    try {
      for (QueueItemId id : items) {
        try {
          client.queue().find(id).ifPresent(item -> {
            if (!item.isTerminal()) {
              client.queue().cancel(id);
            }
            images.addAll(imagesOf(client.queue().find(id).orElse(item)));
          });
          client.queue().delete(id);
        } catch (InvokeException e) {
          System.err.println("cleanup: queue item " + id.value() + ": " + e.getMessage());
        }
      }
      for (BoardId board : boards) {
        try {
          client.boards().delete(board, true);
        } catch (InvokeException e) {
          System.err.println("cleanup: board " + board.value() + ": " + e.getMessage());
        }
      }
      if (!images.isEmpty()) {
        try {
          client.images().delete(List.copyOf(images));
        } catch (InvokeException e) {
          System.err.println("cleanup: images " + images + ": " + e.getMessage());
        }
      }
    } finally {
      client.close();
    }
  }

  // ------------------------------------------------------------------ pixels

  /** A PNG of {@code width} x {@code height} filled with {@code color}. */
  static byte[] png(int width, int height, Color color) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(color);
      g.fillRect(0, 0, width, height);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The image the bytes decode to; fails when they are not an image. */
  static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new AssertionError("not an image ImageIO can read (" + bytes.length + " bytes)");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The colour of the centre pixel, without alpha. */
  static Color centre(BufferedImage image) {
    return new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xFFFFFF);
  }
}
