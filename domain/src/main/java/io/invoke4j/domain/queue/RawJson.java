package io.invoke4j.domain.queue;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON text already encoded as UTF-8, written as it is ({@code JsonGenerator.writeRawValue}): the
 * way the enqueue body carries the embedded workflow without serializing it again per submission
 * (cf. Jackson's {@code SerializedString}, which encodes once and reuses).
 */
final class RawJson implements SerializableString {
  private final byte[] utf8;

  RawJson(byte[] utf8) {
    this.utf8 = utf8;
  }

  byte[] bytes() {
    return utf8;
  }

  @Override
  public String getValue() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public int charLength() {
    return getValue().length();
  }

  @Override
  public char[] asQuotedChars() {
    return JsonStringEncoder.getInstance().quoteAsString(getValue());
  }

  @Override
  public byte[] asUnquotedUTF8() {
    return utf8; // read-only by agreement, as SerializedString's cached bytes
  }

  @Override
  public byte[] asQuotedUTF8() {
    return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
  }

  @Override
  public int appendQuotedUTF8(byte[] buffer, int offset) {
    byte[] quoted = asQuotedUTF8();
    return copy(quoted, buffer, offset);
  }

  @Override
  public int appendQuoted(char[] buffer, int offset) {
    char[] quoted = asQuotedChars();
    if (offset + quoted.length > buffer.length) {
      return -1;
    }
    System.arraycopy(quoted, 0, buffer, offset, quoted.length);
    return quoted.length;
  }

  @Override
  public int appendUnquotedUTF8(byte[] buffer, int offset) {
    return copy(utf8, buffer, offset);
  }

  @Override
  public int appendUnquoted(char[] buffer, int offset) {
    String value = getValue();
    if (offset + value.length() > buffer.length) {
      return -1;
    }
    value.getChars(0, value.length(), buffer, offset);
    return value.length();
  }

  @Override
  public int writeQuotedUTF8(OutputStream out) throws IOException {
    byte[] quoted = asQuotedUTF8();
    out.write(quoted);
    return quoted.length;
  }

  @Override
  public int writeUnquotedUTF8(OutputStream out) throws IOException {
    out.write(utf8);
    return utf8.length;
  }

  @Override
  public int putQuotedUTF8(ByteBuffer buffer) {
    byte[] quoted = asQuotedUTF8();
    if (quoted.length > buffer.remaining()) {
      return -1;
    }
    buffer.put(quoted);
    return quoted.length;
  }

  @Override
  public int putUnquotedUTF8(ByteBuffer buffer) {
    if (utf8.length > buffer.remaining()) {
      return -1;
    }
    buffer.put(utf8);
    return utf8.length;
  }

  private static int copy(byte[] from, byte[] buffer, int offset) {
    if (offset + from.length > buffer.length) {
      return -1;
    }
    System.arraycopy(from, 0, buffer, offset, from.length);
    return from.length;
  }

  @Override
  public String toString() {
    return getValue();
  }
}
