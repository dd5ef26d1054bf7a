package com.towerco.analytics.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads rows with DuckDB's appender, its fastest bulk path, into a table or a session temporary
 * table. The appender joins the connection's open transaction (the sink starts it with a
 * statement first), so a rollback discards appended rows too.
 */
final class DuckDbAppenderLoader implements BulkLoader {
  @Override
  public void load(Connection connection, String table, boolean temporary,
      List<Column> columns, List<Object[]> rows) throws SQLException {
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    try (DuckDBAppender appender = temporary
        ? duck.createAppender("temp", "main", table)
        : duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
      for (Object[] row : rows) {
        appender.beginRow();
        for (int i = 0; i < row.length; i++) {
          append(appender, columns.get(i).kind(), row[i]);
        }
        appender.endRow();
      }
      appender.flush(); // close() would swallow its error (see DuckDbRawEvents)
    }
  }

  private static void append(DuckDBAppender appender, Column.Kind kind, Object value)
      throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (kind) {
      case TEXT -> appender.append((String) value);
      // Envelopes arrive as their original UTF-8 bytes; a VARCHAR takes them as they are.
      case JSON -> {
        if (value instanceof byte[] bytes) {
          appender.append(bytes);
        } else {
          appender.append((String) value);
        }
      }
      case TIME -> appender.appendEpochMicros(micros((Instant) value));
      case INT -> appender.append(((Number) value).intValue());
      case BIGINT -> appender.append(((Number) value).longValue());
      case DOUBLE -> appender.append(((Number) value).doubleValue());
      case BOOL -> appender.append((boolean) (Boolean) value);
    }
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }
}
