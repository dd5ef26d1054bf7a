package com.towerco.analytics.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads rows with {@code COPY ... FROM STDIN} in PostgreSQL's text format, streamed in 256 KiB
 * chunks. Text format needs only four escapes (backslash, tab, newline, carriage return) and
 * {@code \N} for null; timestamps go as ISO-8601 instants, which PostgreSQL reads exactly.
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
      StringBuilder text = new StringBuilder(CHUNK + 4096);
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            text.append('\t');
          }
          append(text, row[i]);
        }
        text.append('\n');
        if (text.length() >= CHUNK) {
          write(copy, text);
        }
      }
      write(copy, text);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void write(CopyIn copy, StringBuilder text) throws SQLException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    text.setLength(0);
  }

  static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("\\N");
    } else if (value instanceof String s) {
      escape(out, s);
    } else if (value instanceof Instant t) {
      out.append(t);
    } else if (value instanceof Boolean b) {
      out.append(b ? 't' : 'f');
    } else {
      out.append(value);
    }
  }

  private static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
