package io.invoke4j.adapter.fs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoke4j.domain.InvokeStorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only run journal: one JSON object per line, each written, flushed and forced to disk
 * before {@link #append} returns, so after a crash every record that was acknowledged is there. A
 * line cut short by a crash while it was written (the last one only) is ignored on reading.
 *
 * <p>Records have a {@code type}; {@link JournalState} folds them into what a re-run needs.
 */
public final class RunJournal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunJournal.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path file;
  private final FileChannel channel;
  private final List<JsonNode> records;

  private RunJournal(Path file, FileChannel channel, List<JsonNode> records) {
    this.file = file;
    this.channel = channel;
    this.records = records;
  }

  /**
   * Opens {@code file} for appending, reading the records already in it (none for a new file).
   *
   * @throws InvokeStorageException when the file cannot be read or created, or a line other than
   *     the last is not JSON (the file is not a journal)
   */
  public static RunJournal open(Path file) {
    requireNonNull(file, "file == null");
    List<JsonNode> records = new ArrayList<>();
    try {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.isBlank()) {
            continue;
          }
          try {
            JsonNode record = MAPPER.readTree(line);
            if (!record.isObject() || !record.path("type").isTextual()) {
              throw new InvokeStorageException(file + " line " + (i + 1) + " is not a run journal record", null);
            }
            records.add(record);
          } catch (JsonProcessingException e) {
            if (i == lines.size() - 1) {
              log.warn("ignoring the incomplete last line of journal {} (a crash while writing it)", file);
            } else {
              throw new InvokeStorageException(file + " line " + (i + 1) + " is not JSON: this is not a run journal", e);
            }
          }
        }
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      return new RunJournal(file, channel, records);
    } catch (IOException e) {
      throw new InvokeStorageException("cannot open journal " + file + ": " + FileOutputStore.reason(e), e);
    }
  }

  /** The journal's file. */
  public Path file() {
    return file;
  }

  /** Every record read or appended so far, in order. */
  public synchronized List<JsonNode> records() {
    return List.copyOf(records);
  }

  /** The records folded into the state of the run. */
  public synchronized JournalState state() {
    return JournalState.of(records);
  }

  /**
   * Appends {@code record} (with an {@code at} timestamp added) as one line and forces it to disk.
   *
   * @throws InvokeStorageException when writing fails
   */
  public synchronized void append(ObjectNode record) {
    requireNonNull(record, "record == null");
    ObjectNode line = record.deepCopy();
    line.put("at", Instant.now().toString());
    byte[] bytes;
    try {
      bytes = (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a journal record", e);
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new InvokeStorageException("cannot write journal " + file + ": " + FileOutputStore.reason(e), e);
    }
    records.add(line);
  }

  /** A new, empty record of {@code type}. */
  public static ObjectNode record(String type) {
    return MAPPER.createObjectNode().put("type", type);
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("closing journal {}: {}", file, e.toString());
    }
  }
}
