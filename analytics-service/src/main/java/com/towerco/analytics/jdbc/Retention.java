package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.RetentionPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link RetentionPolicy}. Plain PostgreSQL drops whole monthly partitions once they
 * end before the cutoff (so a series is kept up to a month longer than its limit) and deletes
 * old rollup rows; DuckDB deletes the old rows (its checkpoints reclaim the space); TimescaleDB
 * gets retention policies (its own jobs drop whole chunks), set when the store opens. The
 * clock is the wall clock in production: retention is about the store's age, not event time.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final Database database;
  private final RetentionPolicy policy;
  private final Clock clock;

  public Retention(Database database, RetentionPolicy policy, Clock clock) {
    this.database = database;
    this.policy = policy;
    this.clock = clock;
  }

  /** Sets TimescaleDB's policies to match this one (replacing earlier ones); elsewhere nothing. */
  public void install() throws SQLException {
    if (database.dialect() != Dialect.TIMESCALEDB) {
      return;
    }
    try (Connection c = database.connection(); Statement s = c.createStatement()) {
      for (RetentionPolicy.Series series : RetentionPolicy.Series.values()) {
        s.execute("SELECT remove_retention_policy('" + series.table() + "', if_exists => true)");
        java.util.Optional<Duration> limit = policy.limit(series);
        if (limit.isPresent()) {
          s.execute("SELECT add_retention_policy('" + series.table() + "', INTERVAL '"
              + limit.get().toSeconds() + " seconds')");
        }
      }
    }
  }

  /** Removes what the policy no longer keeps; returns rows or partitions removed per table. */
  public Map<String, Long> apply() throws SQLException {
    Map<String, Long> removed = new LinkedHashMap<>();
    if (database.dialect() == Dialect.TIMESCALEDB) {
      return removed;
    }
    for (Map.Entry<RetentionPolicy.Series, Instant> e : policy.cutoffs(clock.instant())
        .entrySet()) {
      RetentionPolicy.Series series = e.getKey();
      try (Connection c = database.connection()) {
        long count = database.dialect() == Dialect.POSTGRESQL && series.partitioned()
            ? database.partitions().dropBefore(c, series.table(), e.getValue())
            : delete(c, series, e.getValue());
        if (count > 0) {
          removed.put(series.table(), count);
        }
      }
    }
    if (!removed.isEmpty()) {
      LOG.info("analytics retention removed {} (rows, or monthly partitions on PostgreSQL)",
          removed);
    }
    return removed;
  }

  private static long delete(Connection c, RetentionPolicy.Series series, Instant cutoff)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + series.table() + " WHERE "
        + series.timeColumn() + " < ?")) {
      ps.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
      return ps.executeUpdate();
    }
  }
}
