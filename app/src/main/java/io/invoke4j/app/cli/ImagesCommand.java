package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageName;
import io.invoke4j.domain.image.ImagePage;
import io.invoke4j.domain.image.ImageQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoke4j images list|upload|download|delete|star|unstar|move}. */
@Command(name = "images", description = "The server's images.", subcommands = {ImagesCommand.ListImages.class,
    ImagesCommand.Upload.class, ImagesCommand.Download.class, ImagesCommand.Delete.class, ImagesCommand.Star.class,
    ImagesCommand.Unstar.class, ImagesCommand.Move.class})
final class ImagesCommand extends ClientCommand.Group {

  @Command(name = "list", description = "List images, newest first, one page at a time.")
  static final class ListImages extends ClientCommand {
    @Option(names = "--board", paramLabel = "BOARD_ID", description = "Only this board's images (none: uncategorized).")
    String board;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Images per page (default 20).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Images to skip (default 0).")
    int offset;

    @Override
    JsonNode execute(InvokeAIClient client) {
      ImageQuery.Builder query = ImageQuery.builder().limit(limit).offset(offset);
      if (board != null) {
        query.board(BoardId.of(board));
      }
      ImagePage page = client.images().list(query.build());
      ObjectNode result = Views.object().put("total", page.total()).put("offset", page.offset())
          .put("limit", page.limit());
      result.set("items", Views.array(page.items(), Views::image));
      return result;
    }

    @Override
    String text(JsonNode result) {
      return Table.of(result.get("items")) + "(" + result.get("items").size() + " of " + result.get("total").asInt()
          + " from offset " + result.get("offset").asInt() + ")" + System.lineSeparator();
    }
  }

  @Command(name = "upload", description = "Upload local image files; prints their names on the server.")
  static final class Upload extends ClientCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "PNG, JPEG or WebP files.")
    List<Path> files;

    @Option(names = "--board", paramLabel = "BOARD_ID", description = "Put the images on this board.")
    String board;

    @Option(names = "--category", paramLabel = "CATEGORY", defaultValue = "user",
        description = "user (default), general, control, mask or other.")
    String category;

    @Override
    JsonNode execute(InvokeAIClient client) {
      ImageCategory kind = ImageCategory.fromWire(category);
      ArrayNode uploaded = Views.emptyArray();
      for (Path file : files) {
        byte[] bytes;
        try {
          bytes = Files.readAllBytes(file);
        } catch (IOException e) {
          throw new CliException(CliException.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        uploaded.add(Views.image(client.images().upload(bytes, file.getFileName().toString(), kind,
            Optional.ofNullable(board).map(BoardId::of), false)));
      }
      return uploaded;
    }
  }

  @Command(name = "download", description = "Save images, byte for byte as the server sends them, to --out.")
  static final class Download extends ClientCommand {
    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image names (see 'images list').")
    List<String> names;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where to save (default: here).")
    Path out;

    @Override
    JsonNode execute(InvokeAIClient client) {
      ArrayNode saved = Views.emptyArray();
      for (String name : names) {
        // the name becomes a file name: nothing may land outside --out
        if (name.contains("/") || name.contains("\\") || name.contains("\0") || name.isBlank()
            || name.equals(".") || name.equals("..")) {
          throw new CliException(CliException.USAGE, name() + ": \"" + name + "\" is not an image name");
        }
        byte[] bytes = client.images().download(ImageName.of(name));
        Path path = out.resolve(name).toAbsolutePath();
        write(path, bytes);
        saved.addObject().put("name", name).put("path", path.toString()).put("bytes", bytes.length);
      }
      return saved;
    }

    /** Whole or not at all: a temp file beside the target, then a rename. */
    private static void write(Path path, byte[] bytes) {
      Path temp = null;
      try {
        Files.createDirectories(path.getParent());
        temp = Files.createTempFile(path.getParent(), ".invoke4j-", ".part");
        Files.write(temp, bytes);
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        try {
          if (temp != null) {
            Files.deleteIfExists(temp);
          }
        } catch (IOException ignored) {
          // the write failed already; that is the error to report
        }
        throw new CliException(CliException.USAGE, "cannot write " + path + ": " + e.getMessage(), e);
      }
    }
  }

  @Command(name = "delete", description = "Delete images.")
  static final class Delete extends ClientCommand {
    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image names (see 'images list').")
    List<String> names;

    @Override
    JsonNode execute(InvokeAIClient client) {
      List<ImageName> deleted = client.images().delete(names.stream().map(ImageName::of).toList());
      ObjectNode result = Views.object();
      result.set("deleted", Views.names(deleted));
      return result;
    }
  }

  /** star and unstar. */
  abstract static class Starring extends ClientCommand {
    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image names (see 'images list').")
    List<String> names;

    abstract boolean starred();

    @Override
    JsonNode execute(InvokeAIClient client) {
      List<ImageName> changed = client.images().star(names.stream().map(ImageName::of).toList(), starred());
      ObjectNode result = Views.object().put("starred", starred());
      result.set("images", Views.names(changed));
      return result;
    }
  }

  @Command(name = "star", description = "Star images (the gallery shows them first).")
  static final class Star extends Starring {
    @Override
    boolean starred() {
      return true;
    }
  }

  @Command(name = "unstar", description = "Unstar images.")
  static final class Unstar extends Starring {
    @Override
    boolean starred() {
      return false;
    }
  }

  @Command(name = "move", description = "Move images to a board (none: uncategorized).")
  static final class Move extends ClientCommand {
    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image names (see 'images list').")
    List<String> names;

    @Option(names = "--board", paramLabel = "BOARD_ID", required = true, description = "The board (none: uncategorized).")
    String board;

    @Override
    JsonNode execute(InvokeAIClient client) {
      BoardId target = BoardId.of(board);
      if (!target.isUncategorized()) {
        client.boards().find(target).orElseThrow(() -> notFound("board " + board));
      }
      for (String name : names) {
        if (target.isUncategorized()) {
          client.boards().removeImage(ImageName.of(name));
        } else {
          client.boards().addImage(target, ImageName.of(name));
        }
      }
      ObjectNode result = Views.object().put("board", target.value());
      result.set("images", Views.names(names.stream().map(ImageName::of).toList()));
      return result;
    }
  }
}
