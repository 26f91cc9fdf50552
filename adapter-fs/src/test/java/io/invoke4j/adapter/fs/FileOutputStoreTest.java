package io.invoke4j.adapter.fs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileOutputStoreTest {
  @TempDir Path root;

  private static final ObjectNode SIDECAR = new ObjectMapper().createObjectNode().put("workflow", "w");

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "..", ".", "a/../../b.png", "C:\\Windows\\x.png",
      "nul\u0000byte.png", "CON", "aux.png", "con.tar.gz", "LPT1", "\n\r\t", "", "....png", ".hidden.png"})
  void writesHostileNamesInsideTheDirectory(String hostile) throws IOException {
    Path dir = root.resolve("out");
    FileOutputStore store = FileOutputStore.create(dir);
    Path saved = store.save(new OutputName(hostile, 7, hostile, hostile), new byte[] {1, 2, 3}, SIDECAR);
    assertThat(saved.getParent()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(Files.readAllBytes(saved)).containsExactly(1, 2, 3);
    String name = saved.getFileName().toString();
    assertThat(name).doesNotStartWith(".").doesNotContain("/", "\\", "\u0000", "..");
    assertThat(name.split("\\.")[0].toUpperCase()).isNotIn("CON", "AUX", "NUL", "PRN", "LPT1");
    assertThat(filesUnder(root)).allMatch(p -> p.startsWith(dir.toAbsolutePath()));
  }

  @Test
  void truncatesVeryLongNamesBelowFileSystemLimits() {
    FileOutputStore store = FileOutputStore.create(root);
    String longName = "é".repeat(5000);
    Path saved = store.save(new OutputName(longName, 1, longName, longName + ".png"), new byte[] {9}, SIDECAR);
    assertThat(saved.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(255 - ".json".length());
    assertThat(saved.getFileName().toString()).endsWith(".png");
  }

  @Test
  void namesFilesAfterWorkflowItemNodeAndImage() {
    FileOutputStore store = FileOutputStore.create(root);
    Path saved = store.save(new OutputName("Blank blur / save", 42, "Save Image", "abc-123.png"), new byte[] {1},
        SIDECAR);
    assertThat(saved.getFileName()).hasToString("Blank_blur_save_item-42_Save_Image_abc-123.png");
  }

  @Test
  void writesASidecarNextToEachImageAndLeavesNoTemporaryFiles() throws IOException {
    FileOutputStore store = FileOutputStore.create(root);
    OutputName name = new OutputName("w", 1, "n", "i.png");
    Path saved = store.save(name, new byte[] {1, 2}, SIDECAR);
    store.save(name, new byte[] {3}, SIDECAR);
    assertThat(Files.readAllBytes(saved)).containsExactly(3);
    assertThat(new ObjectMapper().readTree(saved.resolveSibling(saved.getFileName() + ".json").toFile()))
        .isEqualTo(SIDECAR);
    assertThat(filesUnder(root)).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("w_item-1_n_i.png", "w_item-1_n_i.png.json");
    assertThat(store.contains(name)).isTrue();
  }

  @Test
  void failedWriteLeavesNoPartialFile() throws IOException {
    Path dir = root.resolve("out");
    FileOutputStore store = FileOutputStore.create(dir);
    OutputName name = new OutputName("w", 1, "n", "i.png");
    // A non-empty directory where the image must go makes the final rename fail for any user
    // (root ignores file permissions, so a read-only folder would not do).
    Path blocker = Files.createDirectories(dir.resolve("w_item-1_n_i.png"));
    Files.writeString(blocker.resolve("keep"), "x");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.save(name, new byte[] {1}, SIDECAR))
        .isInstanceOf(io.invoke4j.domain.InvokeStorageException.class)
        .hasMessageContaining("cannot write");

    assertThat(filesUnder(dir)).extracting(p -> p.getFileName().toString())
        .noneMatch(file -> file.endsWith(".tmp"))
        .doesNotContain("w_item-1_n_i.png");
    assertThat(Files.isDirectory(blocker)).isTrue();
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(Path::toAbsolutePath).toList();
    }
  }
}
