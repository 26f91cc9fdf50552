package io.invoke4j.adapter.fs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.invoke4j.domain.InvokeStorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves run outputs into one directory: each image byte for byte as the server sent it (its PNG
 * metadata keeps the workflow, so it re-opens in the GUI) and a JSON sidecar next to it
 * ({@code name.png.json}).
 *
 * <p>File names are built from {@link OutputName} through {@link SafeNames}, and every target is
 * checked to sit directly in the directory, so nothing the server returns can write elsewhere.
 * Writes are atomic: a temporary file in the same directory, forced to disk, then renamed; a crash
 * leaves either the old state or the whole file, never half an image. The sidecar is written before
 * the image, so an image on disk always has its sidecar.
 */
public final class FileOutputStore {
  private static final Logger log = LoggerFactory.getLogger(FileOutputStore.class);
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  private FileOutputStore(Path dir) {
    this.dir = dir;
  }

  /**
   * A store writing into {@code dir}, created with its parents when missing.
   *
   * @throws InvokeStorageException when the directory cannot be created or is not a directory
   */
  public static FileOutputStore create(Path dir) {
    requireNonNull(dir, "dir == null");
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new InvokeStorageException("cannot create output directory " + dir + ": " + reason(e), e);
    }
    return new FileOutputStore(absolute);
  }

  /** The directory, absolute. */
  public Path dir() {
    return dir;
  }

  /**
   * Where {@code name} is (or would be) saved; always a direct child of {@link #dir()}.
   *
   * @throws IllegalStateException if a sanitised name still escapes the directory (a bug)
   */
  public Path pathFor(OutputName name) {
    Path target = dir.resolve(name.fileName()).normalize();
    if (!dir.equals(target.getParent())) {
      throw new IllegalStateException("output name escapes " + dir + ": " + name.fileName());
    }
    return target;
  }

  /** Whether the image of {@code name} is already on disk. */
  public boolean contains(OutputName name) {
    return Files.isRegularFile(pathFor(name));
  }

  /**
   * Saves {@code bytes} and the sidecar atomically; an existing file of the same name is replaced.
   *
   * @return the image's path
   * @throws InvokeStorageException when writing fails (disk full, no permission); no partial file is left
   */
  public Path save(OutputName name, byte[] bytes, JsonNode sidecar) {
    requireNonNull(bytes, "bytes == null");
    requireNonNull(sidecar, "sidecar == null");
    Path target = pathFor(name);
    Path sidecarPath = target.resolveSibling(target.getFileName() + ".json");
    byte[] sidecarBytes;
    try {
      sidecarBytes = MAPPER.writeValueAsBytes(sidecar);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a sidecar", e);
    }
    writeAtomically(sidecarPath, sidecarBytes);
    writeAtomically(target, bytes);
    return target;
  }

  /**
   * Writes {@code bytes} to {@code target} through a temporary file in the same directory.
   *
   * @throws InvokeStorageException when writing fails
   */
  static void writeAtomically(Path target, byte[] bytes) {
    Path dir = target.getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, ".invoke4j-", ".tmp");
      // temp files are private (0600); outputs are ordinary files
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      forceDirectory(dir);
    } catch (IOException e) {
      throw new InvokeStorageException("cannot write " + target + ": " + reason(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          log.warn("could not delete temporary file {}: {}", temp, e.toString());
        }
      }
    }
  }

  /** Makes the rename durable; not every file system lets a directory be opened, which is fine. */
  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      log.debug("cannot force directory {}: {}", dir, e.toString());
    }
  }

  static String reason(IOException e) {
    String message = e.getMessage();
    return e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e instanceof java.nio.file.FileAlreadyExistsException ? "exists and is not a directory"
        : message == null ? "I/O error" : message;
  }
}
