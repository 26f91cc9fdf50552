package io.invoke4j.adapter.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowFilesTest {
  @TempDir Path dir;

  @Test
  void findsAFileItselfOrAWorkflowByNameInItsDirectory() throws IOException {
    Path examples = Path.of("../examples").toAbsolutePath().normalize();
    Files.copy(examples.resolve("integer-add.json"), dir.resolve("integer-add.json"));
    assertThat(WorkflowFiles.locate(dir.resolve("integer-add.json"))).isEqualTo(dir.resolve("integer-add.json"));
    assertThat(WorkflowFiles.locate(dir.resolve("INTEGER-ADD"))).isEqualTo(dir.resolve("integer-add.json"));
    assertThat(WorkflowFiles.names(dir)).containsExactly("integer-add");
    assertThatThrownBy(() -> WorkflowFiles.locate(dir.resolve("nope"))).hasMessageContaining("no such file or workflow");
    assertThatThrownBy(() -> WorkflowFiles.locate(dir)).hasMessageContaining("is a directory");
  }
}
