package io.invoke4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A request body serialized once, straight into one byte array sized from a hint (the previous
 * body's size for the same kind of request), and sent as {@code array[0, length)}: unlike
 * {@code ObjectMapper.writeValueAsBytes}, no list of blocks and no second copy into an exact-size
 * array. For the enqueue body (about 100 kB with the embedded workflow) that halves what is written
 * and allocated per submission.
 */
public final class JsonBody {
  private final byte[] array;
  private final int length;

  private JsonBody(byte[] array, int length) {
    this.array = array;
    this.length = length;
  }

  /**
   * {@code value} serialized by {@code mapper}; the array starts at {@code sizeHint} bytes (plus a
   * little room) and grows only when the body is larger.
   */
  public static JsonBody write(ObjectMapper mapper, Object value, int sizeHint) throws IOException {
    requireNonNull(mapper, "mapper == null");
    Sink sink = new Sink(Math.max(256, sizeHint + (sizeHint >> 6) + 64));
    mapper.writeValue(sink, value);
    return new JsonBody(sink.buffer, sink.count);
  }

  /** The array holding the body in {@code [0, length())}; read-only by agreement. */
  public byte[] array() {
    return array;
  }

  /** The body's size in bytes. */
  public int length() {
    return length;
  }

  /** A copy of exactly the body's bytes. */
  public byte[] toByteArray() {
    return Arrays.copyOf(array, length);
  }

  private static final class Sink extends OutputStream {
    byte[] buffer;
    int count;

    Sink(int capacity) {
      buffer = new byte[capacity];
    }

    private void ensure(int extra) {
      int needed = count + extra;
      if (needed > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length + (buffer.length >> 1)));
      }
    }

    @Override
    public void write(int b) {
      ensure(1);
      buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buffer, count, len);
      count += len;
    }
  }
}
