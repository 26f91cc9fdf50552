package io.invoke4j.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageName;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoke4j boards list|create|rename|delete}. */
@Command(name = "boards", description = "The server's boards.", subcommands = {BoardsCommand.ListBoards.class,
    BoardsCommand.Create.class, BoardsCommand.Rename.class, BoardsCommand.Delete.class})
final class BoardsCommand extends ClientCommand.Group {

  @Command(name = "list", description = "List the boards, the uncategorized one (id \"none\") first.")
  static final class ListBoards extends ClientCommand {
    @Option(names = "--archived", description = "Include archived boards.")
    boolean archived;

    @Override
    JsonNode execute(InvokeAIClient client) {
      return Views.array(client.boardRepo().listBoards(archived), Views::board);
    }
  }

  @Command(name = "create", description = "Create a board; prints its id.")
  static final class Create extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "The board's name.")
    String name;

    @Override
    JsonNode execute(InvokeAIClient client) {
      return Views.board(client.boards().create(name));
    }
  }

  @Command(name = "rename", description = "Rename a board.")
  static final class Rename extends ClientCommand {
    @Parameters(index = "0", paramLabel = "BOARD_ID", description = "The board (see 'boards list').")
    String id;

    @Parameters(index = "1", paramLabel = "NAME", description = "Its new name.")
    String name;

    @Override
    JsonNode execute(InvokeAIClient client) {
      BoardId board = BoardId.of(id);
      client.boards().find(board).orElseThrow(() -> notFound("board " + id));
      return Views.board(client.boards().rename(board, name));
    }
  }

  @Command(name = "delete", description = "Delete a board; its images become uncategorized unless --with-images.")
  static final class Delete extends ClientCommand {
    @Parameters(paramLabel = "BOARD_ID", description = "The board (see 'boards list').")
    String id;

    @Option(names = "--with-images", description = "Delete the board's images too.")
    boolean withImages;

    @Override
    JsonNode execute(InvokeAIClient client) {
      BoardId board = BoardId.of(id);
      client.boards().find(board).orElseThrow(() -> notFound("board " + id));
      List<ImageName> deleted = client.boards().delete(board, withImages);
      ObjectNode result = Views.object().put("id", id).put("deleted", true);
      result.set("deletedImages", Views.names(deleted));
      return result;
    }
  }
}
