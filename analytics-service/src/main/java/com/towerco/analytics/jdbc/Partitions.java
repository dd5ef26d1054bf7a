package com.towerco.analytics.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Monthly partitions of the time-series tables on plain PostgreSQL: created before the first
 * row of a month is written (each in its own short transaction, so concurrent writers only
 * race on {@code IF NOT EXISTS}), and dropped whole for retention. Nothing to do on DuckDB or
 * TimescaleDB, which manage their own chunks.
 */
final class Partitions {

  private final Dialect dialect;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  Partitions(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Makes sure every table has a partition for each month of {@code times}. */
  void ensure(Connection connection, String table, Collection<Instant> times)
      throws SQLException {
    if (dialect != Dialect.POSTGRESQL) {
      return;
    }
    for (YearMonth month : times.stream().map(t -> YearMonth.from(t.atZone(ZoneOffset.UTC)))
        .distinct().toList()) {
      String name = name(table, month);
      if (known.contains(name)) {
        continue;
      }
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF " + table
            + " FOR VALUES FROM ('" + month.atDay(1) + " 00:00:00+00') TO ('"
            + month.plusMonths(1).atDay(1) + " 00:00:00+00')");
      }
      known.add(name);
    }
  }

  /** Drops the table's monthly partitions that end before {@code cutoff}; returns how many. */
  int dropBefore(Connection connection, String table, Instant cutoff) throws SQLException {
    if (dialect != Dialect.POSTGRESQL) {
      return 0;
    }
    List<String> names = new java.util.ArrayList<>();
    try (Statement s = connection.createStatement();
        var rs = s.executeQuery("SELECT c.relname FROM pg_inherits i"
            + " JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent"
            + " WHERE p.relname = '" + table + "' AND c.relnamespace = p.relnamespace")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    int dropped = 0;
    for (String name : names) {
      String suffix = name.substring(name.lastIndexOf("_p") + 2);
      YearMonth month = YearMonth.of(Integer.parseInt(suffix.substring(0, 4)),
          Integer.parseInt(suffix.substring(4)));
      if (!month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
          .isAfter(cutoff)) {
        try (Statement s = connection.createStatement()) {
          s.execute("DROP TABLE " + name);
        }
        known.remove(name);
        dropped++;
      }
    }
    return dropped;
  }

  static String name(String table, YearMonth month) {
    return String.format("%s_p%04d%02d", table, month.getYear(), month.getMonthValue());
  }
}
