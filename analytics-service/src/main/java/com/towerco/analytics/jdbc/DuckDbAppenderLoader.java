package com.towerco.analytics.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads rows into a session temporary table with DuckDB's appender, its fastest bulk path. The
 * appender joins the connection's open transaction (the sink starts it with a statement first),
 * so a rollback discards appended rows too.
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
    }
  }

  private static void append(DuckDBAppender appender, Column.Kind kind, Object value)
      throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (kind) {
      case TEXT, JSON -> appender.append((String) value);
      case TIME -> appender.append(((Instant) value).atOffset(ZoneOffset.UTC));
      case INT -> appender.append(((Number) value).intValue());
      case BIGINT -> appender.append(((Number) value).longValue());
      case DOUBLE -> appender.append(((Number) value).doubleValue());
      case BOOL -> appender.append((boolean) (Boolean) value);
    }
  }
}
