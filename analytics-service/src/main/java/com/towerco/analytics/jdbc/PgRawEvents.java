package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.StoredRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Raw events on PostgreSQL: {@code COPY} straight into {@code raw_events}, whose primary key
 * (event id, event time) stays as the backstop. A batch that hits the key (an event stored
 * before, e.g. re-sent long after the first copy) is rolled back to a savepoint and goes the
 * slow way instead: COPY into a staging table and {@code INSERT ... ON CONFLICT DO NOTHING}.
 */
final class PgRawEvents implements RawEventWriter {
  private static final String UNIQUE_VIOLATION = "23505";

  private final BulkLoader copy = new PgCopyLoader();

  @Override
  public int append(Connection c, List<StoredRow.RawEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return 0;
    }
    List<Object[]> rows = new ArrayList<>(events.size());
    for (StoredRow.RawEvent e : events) {
      rows.add(Tables.RAW_EVENTS.valuesOf(e));
    }
    Savepoint before = c.setSavepoint();
    try {
      copy.load(c, "raw_events", false, Tables.RAW_EVENTS.columns(), rows);
      c.releaseSavepoint(before);
      return rows.size();
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(before);
    }
    try (Statement s = c.createStatement()) {
      s.execute(Tables.RAW_EVENTS.createStage(Dialect.POSTGRESQL));
      copy.load(c, Tables.RAW_EVENTS.stage(), true, Tables.RAW_EVENTS.columns(), rows);
      int inserted = 0;
      for (String merge : Tables.RAW_EVENTS.merges()) {
        inserted += s.executeUpdate(merge);
      }
      return inserted;
    }
  }

  @Override
  public Set<String> storedAmong(Connection c, List<StoredRow.RawEvent> candidates) {
    return Set.of(); // the key decides, in append
  }

  @Override
  public boolean keyed() {
    return true;
  }
}
