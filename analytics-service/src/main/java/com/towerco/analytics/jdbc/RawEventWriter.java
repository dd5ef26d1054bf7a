package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.StoredRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * How raw events reach {@code raw_events}, the one table that takes every event (telemetry is
 * almost all of the volume): a plain bulk append, no staging and no merge. DuckDB's table has
 * no key, so the sink asks {@link #storedAmong} about the events its in-memory id window cannot
 * vouch for; PostgreSQL keeps its primary key and falls back to an idempotent merge only for a
 * batch that hits it.
 */
interface RawEventWriter {
  /** Appends the events inside the caller's transaction; returns how many were new. */
  int append(Connection c, List<StoredRow.RawEvent> events) throws SQLException;

  /** Which of these event ids the table already holds (with the same event time). */
  Set<String> storedAmong(Connection c, List<StoredRow.RawEvent> candidates)
      throws SQLException;

  /** Whether {@link #append} itself refuses an event already stored (a key on the table). */
  boolean keyed();

  static RawEventWriter forDialect(Dialect dialect) {
    return dialect == Dialect.DUCKDB ? new DuckDbRawEvents() : new PgRawEvents();
  }
}
