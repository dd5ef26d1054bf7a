package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.KpiMeasure;
import com.towerco.analytics.domain.TimeRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The hourly KPI rollup {@code kpi_hourly}: per (owner tenant, site, tenancy, region, hour)
 * and per KPI the sum (times window length for percentages), measured duration, minimum,
 * maximum and window count. TimescaleDB keeps it as a continuous aggregate; on DuckDB and
 * plain PostgreSQL the sink replaces every hour a batch touches, in the batch's transaction,
 * by re-aggregating that hour's windows, so it always equals an aggregate of
 * {@code kpi_windows}. Queries read it when their range and bucket are whole hours.
 *
 * <p>This class is the one definition of the rollup: its columns ({@link #columnNames}) and how
 * each is aggregated from {@code kpi_windows} follow from {@link KpiMeasure}. The migrations that
 * created it in each dialect are released history (Flyway checksums forbid rewriting them);
 * {@code RollupRetentionContract} checks on every dialect that they produce exactly these
 * columns, and that the rollup answers what the windows answer, so a KPI added to
 * {@link KpiMeasure} without its migration fails the build.
 */
public final class KpiRollup {
  private static final String KEYS = "tenant_id, site_id, tenancy_tenant_id";

  private KpiRollup() {}

  /** Whether a query over this range in these buckets can read the rollup. */
  public static boolean covers(TimeRange range, Duration bucket) {
    return bucket.toSeconds() % 3600 == 0 && bucket.toNanosPart() == 0
        && range.from().getEpochSecond() % 3600 == 0 && range.from().getNano() == 0
        && range.to().getEpochSecond() % 3600 == 0 && range.to().getNano() == 0;
  }

  /** Whether the sink maintains it (TimescaleDB's policy does it there). */
  static boolean maintainedBySink(Dialect dialect) {
    return dialect != Dialect.TIMESCALEDB;
  }

  /**
   * Re-aggregates every hour of every (tenant, site, tenancy) that the staged KPI windows of
   * this batch touch, whose window starts all lie in {@code [from, to]}. Call after the windows
   * are merged, before the stage is emptied. The hours' range is stated to both statements so
   * they read only that part of {@code kpi_windows} and {@code kpi_hourly} (zone maps,
   * partitions), not the whole history.
   */
  static void refreshTouched(Connection c, Instant from, Instant to) throws SQLException {
    OffsetDateTime first = from.truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
    OffsetDateTime end = to.truncatedTo(ChronoUnit.HOURS).plusSeconds(3600)
        .atOffset(ZoneOffset.UTC);
    String touched = "SELECT DISTINCT " + KEYS + ", time_bucket(INTERVAL '1 hour', window_start)"
        + " AS bucket FROM stage_kpi_windows";
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM kpi_hourly"
            + " WHERE bucket >= ? AND bucket < ? AND EXISTS (SELECT 1 FROM stage_kpi_windows s"
            + " WHERE s.tenant_id = kpi_hourly.tenant_id AND s.site_id = kpi_hourly.site_id"
            + " AND s.tenancy_tenant_id = kpi_hourly.tenancy_tenant_id"
            + " AND time_bucket(INTERVAL '1 hour', s.window_start) = kpi_hourly.bucket)");
        PreparedStatement insert = c.prepareStatement("INSERT INTO kpi_hourly (" + columns()
            + ")\nSELECT t.bucket, w.tenant_id, w.site_id, w.tenancy_tenant_id, w.region, "
            + aggregates("w.") + "\nFROM (" + touched + ") t JOIN kpi_windows w"
            + " ON w.tenant_id = t.tenant_id AND w.site_id = t.site_id"
            + " AND w.tenancy_tenant_id = t.tenancy_tenant_id AND w.window_start >= t.bucket"
            + " AND w.window_start < t.bucket + INTERVAL '1 hour'\n"
            + "WHERE w.window_start >= ? AND w.window_start < ?\n"
            + "GROUP BY t.bucket, w.tenant_id, w.site_id, w.tenancy_tenant_id, w.region")) {
      for (PreparedStatement ps : new PreparedStatement[] {delete, insert}) {
        ps.setObject(1, first);
        ps.setObject(2, end);
        ps.executeUpdate();
      }
    }
  }

  /**
   * Rebuilds the hours of a range from {@code kpi_windows} (after a bulk load that bypassed
   * the sink, or to repair); on TimescaleDB it refreshes the continuous aggregate.
   */
  public static void rebuild(Connection c, Dialect dialect, TimeRange range)
      throws SQLException {
    if (!maintainedBySink(dialect)) {
      try (PreparedStatement ps = c.prepareStatement(
          "CALL refresh_continuous_aggregate('kpi_hourly', ?, ?)")) {
        ps.setObject(1, range.from().atOffset(ZoneOffset.UTC));
        ps.setObject(2, range.to().atOffset(ZoneOffset.UTC));
        ps.execute();
      }
      return;
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement delete = c.prepareStatement(
            "DELETE FROM kpi_hourly WHERE bucket >= ? AND bucket < ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO kpi_hourly ("
            + columns() + ")\nSELECT time_bucket(INTERVAL '1 hour', window_start), " + KEYS
            + ", region, " + aggregates("") + "\nFROM kpi_windows"
            + " WHERE window_start >= ? AND window_start < ? GROUP BY 1, 2, 3, 4, 5")) {
      for (PreparedStatement ps : new PreparedStatement[] {delete, insert}) {
        ps.setObject(1, range.from().atOffset(ZoneOffset.UTC));
        ps.setObject(2, range.to().atOffset(ZoneOffset.UTC));
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /** The SQL that forms a bucket's value for a KPI from rollup rows. */
  static String value(KpiMeasure kpi) {
    String k = kpi.kpiName();
    return switch (kpi.combine()) {
      case WEIGHTED_AVERAGE -> "sum(" + k + "_sum) / nullif(sum(" + k + "_duration), 0)";
      case SUM -> "sum(" + k + "_sum)";
      case MINIMUM -> "min(" + k + "_min)";
    };
  }

  /** The rollup's columns, in order. */
  public static List<String> columnNames() {
    List<String> names = new ArrayList<>(List.of("bucket", "tenant_id", "site_id",
        "tenancy_tenant_id", "region", "windows"));
    for (KpiMeasure m : KpiMeasure.values()) {
      for (String part : PARTS) {
        names.add(m.kpiName() + "_" + part);
      }
    }
    return names;
  }

  private static final List<String> PARTS = List.of("sum", "duration", "min", "max", "windows");

  private static String columns() {
    return String.join(", ", columnNames());
  }

  private static String aggregates(String w) {
    return "count(*), " + Arrays.stream(KpiMeasure.values()).map(m -> {
      String k = w + m.kpiName();
      String sum = m.combine() == KpiMeasure.Combine.WEIGHTED_AVERAGE
          ? "sum(" + k + " * " + w + "duration_s)" : "sum(" + k + ")";
      return sum + ", sum(CASE WHEN " + k + " IS NOT NULL THEN " + w + "duration_s END), min("
          + k + "), max(" + k + "), count(" + k + ")";
    }).collect(Collectors.joining(", "));
  }
}
