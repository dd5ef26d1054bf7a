package com.towerco.analytics.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads rows with {@code COPY ... FROM STDIN} in PostgreSQL's text format, streamed in 256 KiB
 * chunks of UTF-8. Text format needs only four escapes (backslash, tab, newline, carriage
 * return) and {@code \N} for null; timestamps go as ISO-8601 instants, which PostgreSQL reads
 * exactly. An envelope arrives as its original bytes and is escaped byte by byte, never decoded.
 */
final class PgCopyLoader implements BulkLoader {
  private static final int CHUNK = 256 * 1024;

  @Override
  public void load(Connection connection, String table, boolean temporary,
      List<Column> columns, List<Object[]> rows) throws SQLException {
    String sql = "COPY " + table + " ("
        + columns.stream().map(Column::name).collect(Collectors.joining(", "))
        + ") FROM STDIN";
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      Buffer out = new Buffer();
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            out.put((byte) '\t');
          }
          append(out, row[i]);
        }
        out.put((byte) '\n');
        if (out.size >= CHUNK) {
          copy.writeToCopy(out.bytes, 0, out.size);
          out.size = 0;
        }
      }
      copy.writeToCopy(out.bytes, 0, out.size);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  static void append(Buffer out, Object value) {
    if (value == null) {
      out.put((byte) '\\');
      out.put((byte) 'N');
    } else if (value instanceof byte[] bytes) {
      escape(out, bytes);
    } else if (value instanceof String s) {
      escape(out, s.getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof Instant t) {
      escape(out, t.toString().getBytes(StandardCharsets.US_ASCII));
    } else if (value instanceof Boolean b) {
      out.put((byte) (b ? 't' : 'f'));
    } else {
      escape(out, value.toString().getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static void escape(Buffer out, byte[] bytes) {
    out.ensure(bytes.length * 2);
    for (byte b : bytes) {
      switch (b) {
        case '\\' -> out.put2('\\', '\\');
        case '\t' -> out.put2('\\', 't');
        case '\n' -> out.put2('\\', 'n');
        case '\r' -> out.put2('\\', 'r');
        default -> out.bytes[out.size++] = b;
      }
    }
  }

  /** A growable byte buffer (no copy on every write, unlike a stream). */
  static final class Buffer {
    byte[] bytes = new byte[CHUNK + 64 * 1024];
    int size;

    void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    void put(byte b) {
      ensure(1);
      bytes[size++] = b;
    }

    void put2(char a, char b) {
      bytes[size++] = (byte) a;
      bytes[size++] = (byte) b;
    }

    @Override
    public String toString() {
      return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
  }
}
