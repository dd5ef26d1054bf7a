package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.StoredRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Raw events on DuckDB: the appender writes straight into {@code raw_events} (no key, no
 * index: the columnar table's zone maps serve the time-range scans), taking each envelope as
 * the bytes consumed. Whether an id is already stored is a join on a staged list of ids,
 * limited to their event-time range so zone maps skip the rest of the table.
 */
final class DuckDbRawEvents implements RawEventWriter {
  private static final String STAGE = "stage_event_ids";

  @Override
  public int append(Connection c, List<StoredRow.RawEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return 0;
    }
    DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "raw_events")) {
      for (StoredRow.RawEvent e : events) {
        a.beginRow();
        a.append(e.eventId());
        a.append(e.eventType());
        a.append(e.version());
        a.append(e.tenantId());
        a.append(e.siteId());
        a.appendEpochMicros(DuckDbAppenderLoader.micros(e.eventTime()));
        a.append(e.topic());
        a.append(e.partition());
        a.append(e.offset());
        a.append(e.json());
        a.endRow();
      }
      // Flushed here, not by close(), which swallows the error (an envelope that is not
      // UTF-8, say): it would only surface as "transaction aborted" at the next statement.
      a.flush();
    }
    return events.size();
  }

  @Override
  public Set<String> storedAmong(Connection c, List<StoredRow.RawEvent> candidates)
      throws SQLException {
    Set<String> stored = new HashSet<>();
    if (candidates.isEmpty()) {
      return stored;
    }
    Instant from = candidates.get(0).eventTime();
    Instant to = from;
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGE
          + " (event_id VARCHAR, event_time TIMESTAMPTZ)");
    }
    DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
    try (DuckDBAppender a = duck.createAppender("temp", "main", STAGE)) {
      for (StoredRow.RawEvent e : candidates) {
        a.beginRow();
        a.append(e.eventId());
        a.appendEpochMicros(DuckDbAppenderLoader.micros(e.eventTime()));
        a.endRow();
        from = e.eventTime().isBefore(from) ? e.eventTime() : from;
        to = e.eventTime().isAfter(to) ? e.eventTime() : to;
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT s.event_id FROM " + STAGE
        + " s JOIN raw_events r ON r.event_id = s.event_id AND r.event_time = s.event_time"
        + " WHERE r.event_time BETWEEN ? AND ?")) {
      ps.setObject(1, from.atOffset(ZoneOffset.UTC));
      ps.setObject(2, to.atOffset(ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("DELETE FROM " + STAGE);
      }
    }
    return stored;
  }

  @Override
  public boolean keyed() {
    return false;
  }
}
