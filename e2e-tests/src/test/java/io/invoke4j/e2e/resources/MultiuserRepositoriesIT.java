package io.invoke4j.e2e.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.app.InvokeAIClient;
import io.invoke4j.app.usecase.BoardHandle;
import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.Board;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImagePage;
import io.invoke4j.domain.image.ImageQuery;
import io.invoke4j.domain.workflow.WorkflowRecord;
import io.invoke4j.ports.TestImages;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repositories on a multiuser server, logged in as plain users: each works, and one user does
 * not see another's boards and images.
 */
class MultiuserRepositoriesIT {
  @Test
  void eachRepositoryWorksLoggedIn() {
    try (Servers.User user = Servers.User.create(); InvokeAIClient client = user.client()) {
      assertThat(client.server().health().healthy()).isTrue();
      assertThat(client.server().invocationTemplates().find("integer")).isPresent();

      BoardHandle board = client.boardRepo().createBoard(Servers.unique("mu-board"));
      try {
        ImageInfo image = board.uploadImage(TestImages.gradientPng(3, 3), "mu.png");
        assertThat(board.listImageNames()).containsExactly(image.name());
        assertThat(client.boardRepo().listBoards(false)).extracting(Board::id).contains(board.boardId());
        assertThat(board.star(image.name())).isTrue();
      } finally {
        client.boardRepo().deleteBoard(board.boardId(), true);
      }

      WorkflowRecord saved = client.workflowRepo().saveWorkflow(Servers.example("integer-add.json"));
      try {
        assertThat(client.workflowRepo().getWorkflow(saved.id())).isPresent();
        assertThat(client.workflowRepo().listWorkflows(List.of("user"))).extracting(WorkflowRecord::id)
            .contains(saved.id());
      } finally {
        client.workflowRepo().deleteWorkflow(saved.id());
      }

      assertThat(client.dnnModelRepo().listModels()).isEmpty();
      // changing the model manager is for admins, and so is reading the Hugging Face token status (6.14.2)
      assertThatThrownBy(() -> client.dnnModelRepo().getHfLoginStatus())
          .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(403));
      assertThatThrownBy(() -> client.dnnModelRepo().pruneInstallJobs())
          .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(403));
      try (InvokeAIClient admin = Servers.multiuserAdmin()) {
        assertThat(admin.dnnModelRepo().getHfLoginStatus()).isNotNull();
        assertThat(admin.dnnModelRepo().listInstallJobs()).isNotNull();
      }
      assertThat(client.queue().status().queueId()).isEqualTo("default");
      assertThat(client.queue().checkWedged()).isEmpty();
    }
  }

  @Test
  void anotherUsersBoardsAndImagesAreNotListed() {
    try (Servers.User alice = Servers.User.create(); Servers.User bob = Servers.User.create();
        InvokeAIClient aliceClient = alice.client(); InvokeAIClient bobClient = bob.client()) {
      BoardHandle aliceBoard = aliceClient.boardRepo().createBoard(Servers.unique("alice"));
      try {
        ImageInfo onBoard = aliceBoard.uploadImage(TestImages.gradientPng(2, 2), "a.png");
        ImageInfo loose = aliceClient.boardRepo().uncategorizedBoard().uploadImage(TestImages.gradientPng(2, 3), "b.png");
        try {
          assertThat(bobClient.boardRepo().listBoards(true)).extracting(Board::id)
              .doesNotContain(aliceBoard.boardId());
          assertThat(bobClient.boardRepo().getBoardByName(aliceBoard.board().name())).isEmpty();
          assertThat(bobClient.boardRepo().uncategorizedBoard().listImageNames())
              .doesNotContain(loose.name(), onBoard.name());
          ImagePage bobsImages = bobClient.images().list(ImageQuery.builder().limit(100).build());
          assertThat(bobsImages.items()).extracting(ImageInfo::name).doesNotContain(loose.name(), onBoard.name());
          ImagePage bobsUncategorized = bobClient.images().list(ImageQuery.builder().board(BoardId.NONE).limit(100)
              .build());
          assertThat(bobsUncategorized.items()).extracting(ImageInfo::name).doesNotContain(loose.name());
        } finally {
          aliceClient.images().delete(loose.name());
        }
      } finally {
        aliceClient.boardRepo().deleteBoard(aliceBoard.boardId(), true);
      }
    }
  }
}
