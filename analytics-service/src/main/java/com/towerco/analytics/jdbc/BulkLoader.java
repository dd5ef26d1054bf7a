package com.towerco.analytics.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The driver's fastest way to put many rows into a table inside the caller's transaction:
 * PostgreSQL's {@code COPY FROM STDIN}, DuckDB's appender.
 */
interface BulkLoader {
  void load(Connection connection, String table, boolean temporary, List<Column> columns,
      List<Object[]> rows) throws SQLException;

  static BulkLoader forDialect(Dialect dialect) {
    return dialect == Dialect.DUCKDB ? new DuckDbAppenderLoader() : new PgCopyLoader();
  }
}
