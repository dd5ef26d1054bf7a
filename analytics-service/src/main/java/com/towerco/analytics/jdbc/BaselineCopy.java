package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.StoredRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For benchmarks only: the same raw-event and KPI rows bulk-loaded straight into their tables
 * with the driver's bulk path and nothing else (no id checks, no merges, no rollup, no
 * offsets), the baseline the sink is measured against.
 */
public final class BaselineCopy {
  private final Database database;
  private final BulkLoader loader;
  private final RawEventWriter rawWriter;

  public BaselineCopy(Database database) {
    this.database = database;
    this.loader = BulkLoader.forDialect(database.dialect());
    this.rawWriter = RawEventWriter.forDialect(database.dialect());
  }

  /** Loads one batch in one transaction. */
  public void copy(List<StoredRow> rows) throws SQLException {
    List<StoredRow.RawEvent> raw = new ArrayList<>();
    List<Object[]> kpi = new ArrayList<>();
    List<java.time.Instant> rawTimes = new ArrayList<>();
    List<java.time.Instant> kpiTimes = new ArrayList<>();
    for (StoredRow row : rows) {
      if (row instanceof StoredRow.RawEvent r) {
        raw.add(r);
        rawTimes.add(r.eventTime());
      } else if (row instanceof StoredRow.KpiWindow k) {
        Object[] values = Tables.KPI_WINDOWS.valuesOf(k);
        kpi.add(Arrays.copyOf(values, values.length - 1));
        kpiTimes.add(k.windowStart());
      }
    }
    List<Column> kpiColumns = Tables.KPI_WINDOWS.columns()
        .subList(0, Tables.KPI_WINDOWS.columns().size() - 1);
    try (Connection c = database.connection()) {
      database.partitions().ensure(c, "raw_events", rawTimes);
      database.partitions().ensure(c, "kpi_windows", kpiTimes);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT 1");
        rawWriter.append(c, raw);
        if (!kpi.isEmpty()) {
          loader.load(c, "kpi_windows", false, kpiColumns, kpi);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** Empties the tables the benchmark writes. */
  public void truncate() throws SQLException {
    try (Connection c = database.connection(); Statement s = c.createStatement()) {
      for (String table : List.of("raw_events", "kpi_windows", "ingest_offsets")) {
        s.execute((database.dialect() == Dialect.DUCKDB ? "DELETE FROM " : "TRUNCATE ")
            + table);
      }
      if (KpiRollup.maintainedBySink(database.dialect())) {
        s.execute((database.dialect() == Dialect.DUCKDB ? "DELETE FROM " : "TRUNCATE ")
            + "kpi_hourly");
      }
      if (database.dialect() == Dialect.DUCKDB) {
        s.execute("CHECKPOINT");
      }
    }
  }

  /** Refreshes the planner's statistics after a bulk load (PostgreSQL; DuckDB keeps its own). */
  public void analyze() throws SQLException {
    if (database.dialect().isPostgres()) {
      try (Connection c = database.connection(); Statement s = c.createStatement()) {
        s.execute("ANALYZE kpi_windows");
        s.execute("ANALYZE kpi_hourly");
      }
    }
  }

  /** Rows in a table. */
  public long count(String table) throws SQLException {
    try (Connection c = database.connection(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
