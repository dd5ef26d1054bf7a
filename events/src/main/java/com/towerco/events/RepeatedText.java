package com.towerco.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text that repeats from record to record (a site's id, a tenant's, an event type, a version),
 * as the same {@code String} each time instead of a new one: from UTF-8 bytes (a Kafka record's
 * key and headers) or from a JSON parser's characters (an envelope's fields, a payload's
 * strings). Every reader of a site topic turns the same few values into text on every record,
 * six readers of each record in one process: a new {@code String} and its array each time was a
 * few hundred bytes per record per reader (ADR-055). A direct-mapped table keyed by a hash of the
 * text; a slot holds one immutable entry, replaced on a miss, so a value that does not repeat
 * costs what decoding it did plus a hash, a copy and the entry (event ids and times are never
 * passed here). Safe for any number of threads: an entry is
 * published whole (final fields) and a lost race only costs a miss. Text longer than
 * {@value #MAX_LENGTH} bytes or characters is never kept.
 */
public final class RepeatedText {
  private static final int MAX_LENGTH = 64;

  private record Entry(byte[] bytes, String text) {}

  private record CharsEntry(String text) {}

  private final Entry[] slots;
  private final CharsEntry[] charSlots;
  private final int mask;

  /** {@code slots} is rounded up to a power of two. */
  public RepeatedText(int slots) {
    int size = Integer.highestOneBit(Math.max(2, slots) - 1) << 1;
    this.slots = new Entry[size];
    this.charSlots = new CharsEntry[size];
    this.mask = size - 1;
  }

  /** {@code new String(bytes, UTF_8)}, or an equal one decoded before; null for null. */
  public String text(byte[] bytes) {
    return bytes == null ? null : text(bytes, 0, bytes.length);
  }

  /** {@code new String(bytes, offset, length, UTF_8)}, or an equal one decoded before. */
  public String text(byte[] bytes, int offset, int length) {
    if (length > MAX_LENGTH) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
    int hash = 1;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + bytes[i];
    }
    int index = (hash ^ (hash >>> 16)) & mask;
    Entry entry = slots[index];
    if (entry != null && Arrays.equals(entry.bytes, 0, entry.bytes.length, bytes, offset,
        offset + length)) {
      return entry.text;
    }
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    slots[index] = new Entry(Arrays.copyOfRange(bytes, offset, offset + length), text);
    return text;
  }

  /** {@code new String(chars, offset, length)}, or an equal one made before. */
  public String text(char[] chars, int offset, int length) {
    if (length > MAX_LENGTH) {
      return new String(chars, offset, length);
    }
    int hash = 1;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + chars[i];
    }
    int index = (hash ^ (hash >>> 16)) & mask;
    CharsEntry entry = charSlots[index];
    if (entry != null && same(entry.text, chars, offset, length)) {
      return entry.text;
    }
    String text = new String(chars, offset, length);
    charSlots[index] = new CharsEntry(text);
    return text;
  }

  /**
   * The string value the parser is at ({@code getText()}), or an equal one made before; only
   * for a {@code VALUE_STRING} or {@code FIELD_NAME} token.
   */
  public String text(com.fasterxml.jackson.core.JsonParser parser) throws java.io.IOException {
    return text(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
  }

  private static boolean same(String text, char[] chars, int offset, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
