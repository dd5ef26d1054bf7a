package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.AnalyticsViews.ProbableCauseStats;
import com.towerco.analytics.domain.AnalyticsViews.SiteDowntime;
import com.towerco.analytics.domain.KpiHistory;
import com.towerco.analytics.domain.KpiMeasure;
import com.towerco.analytics.domain.Reliability;
import com.towerco.analytics.domain.TimeRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The history queries, one SQL text for DuckDB, PostgreSQL and TimescaleDB ({@code time_bucket}
 * exists on all three). A range of whole hours in buckets of whole hours reads the hourly
 * rollup ({@link KpiRollup}); anything finer reads the 5-minute windows. Tenant scoping is a parameter of every method: {@code tenant} present
 * means only that tenant's rows, which is what a tenant user gets; the HTTP layer decides it
 * from the caller. SLA reports are in {@link SlaQueries}.
 */
public final class AnalyticsQueries {
  private final DataSource ds;
  private final String operatorTenant;
  private final boolean rollup;

  public AnalyticsQueries(DataSource ds, String operatorTenant) {
    this(ds, operatorTenant, true);
  }

  /** With {@code rollup} false every query reads the windows (to compare, in benchmarks). */
  public AnalyticsQueries(DataSource ds, String operatorTenant, boolean rollup) {
    this.ds = ds;
    this.operatorTenant = operatorTenant;
    this.rollup = rollup;
  }

  /**
   * KPI history. With {@code tenancy} the series is that tenant's tenancy windows (the only
   * rows it owns); without, the whole-site windows. The TENANT level always means tenancy.
   */
  public KpiHistory kpiHistory(KpiHistory.Level level, String id, Optional<String> tenancy,
      KpiMeasure kpi, TimeRange range, Duration bucket) {
    String col = kpi.kpiName();
    boolean hourly = rollup && KpiRollup.covers(range, bucket);
    List<Object> params = new ArrayList<>(List.of(bucket.toSeconds() + " seconds",
        range.from(), range.to()));
    // Whole hours: the hourly rollup holds the same sums in a twelfth of the rows.
    StringBuilder where = new StringBuilder(hourly ? " AND " + col + "_windows > 0"
        : " AND " + col + " IS NOT NULL");
    scope(where, params, tenancy);
    switch (level) {
      case SITE -> where.append(" AND site_id = ?");
      case REGION -> where.append(" AND region = ?");
      case TENANT -> { }
    }
    if (level != KpiHistory.Level.TENANT) {
      params.add(id);
    }
    String sql = hourly
        ? "SELECT time_bucket(CAST(? AS INTERVAL), bucket) AS bucket, " + KpiRollup.value(kpi)
            + " AS value, min(" + col + "_min) AS lo, max(" + col + "_max) AS hi, sum(" + col
            + "_windows) AS windows FROM kpi_hourly WHERE bucket >= ? AND bucket < ?" + where
            + " GROUP BY 1 ORDER BY 1"
        : "SELECT time_bucket(CAST(? AS INTERVAL), window_start) AS bucket, " + value(kpi)
            + " AS value, min(" + col + ") AS lo, max(" + col + ") AS hi, count(*) AS windows"
            + " FROM kpi_windows WHERE window_start >= ? AND window_start < ?" + where
            + " GROUP BY 1 ORDER BY 1";
    List<KpiHistory.Point> points = Sql.query(ds, sql, params,
        rs -> new KpiHistory.Point(Sql.instant(rs, "bucket"), Sql.nullableDouble(rs, "value"),
            Sql.nullableDouble(rs, "lo"), Sql.nullableDouble(rs, "hi"), rs.getLong("windows")));
    return new KpiHistory(kpi.kpiName(), level.name().toLowerCase(java.util.Locale.ROOT), id,
        tenancy.orElse(""), range.from(), range.to(), bucket.toSeconds(), points);
  }

  /** The sites with the most minutes without power inside the DC window, most first. */
  public List<SiteDowntime> topDowntime(TimeRange range, Optional<String> tenancy,
      Optional<String> region, int limit) {
    List<Object> params = new ArrayList<>(List.of(range.from(), range.to()));
    StringBuilder where = new StringBuilder();
    scope(where, params, tenancy);
    region.ifPresent(r -> {
      where.append(" AND region = ?");
      params.add(r);
    });
    params.add(limit);
    String sql = rollup && KpiRollup.covers(range, Duration.ofHours(1)) ? """
        SELECT site_id, max(region) AS region,
               (100 * sum(power_availability_pct_duration) - sum(power_availability_pct_sum))
                 / 6000.0 AS downtime,
               coalesce((100 * sum(grid_availability_pct_duration)
                 - sum(grid_availability_pct_sum)) / 6000.0, 0) AS grid,
               sum(power_availability_pct_duration) / 60.0 AS measured
        FROM kpi_hourly
        WHERE bucket >= ? AND bucket < ? AND power_availability_pct_windows > 0"""
        + where + """

        GROUP BY site_id
        HAVING 100 * sum(power_availability_pct_duration) - sum(power_availability_pct_sum)
          > 1e-6
        ORDER BY downtime DESC, site_id
        LIMIT ?""" : """
        SELECT site_id, max(region) AS region,
               sum(duration_s * (100 - power_availability_pct)) / 6000.0 AS downtime,
               coalesce(sum(duration_s * (100 - grid_availability_pct)) / 6000.0, 0) AS grid,
               sum(duration_s) / 60.0 AS measured
        FROM kpi_windows
        WHERE window_start >= ? AND window_start < ? AND power_availability_pct IS NOT NULL"""
        + where + """

        GROUP BY site_id
        HAVING sum(duration_s * (100 - power_availability_pct)) > 0
        ORDER BY downtime DESC, site_id
        LIMIT ?""";
    return Sql.query(ds, sql, params, rs -> {
          double downtime = rs.getDouble("downtime");
          double measured = rs.getDouble("measured");
          return new SiteDowntime(rs.getString("site_id"), rs.getString("region"),
              round(downtime), round(rs.getDouble("grid")), round(measured),
              measured > 0 ? round(100 * (measured - downtime) / measured) : null);
        });
  }

  /** MTTR and MTBF per tenant or per region of the incidents opened in the range. */
  public List<Reliability> reliability(TimeRange range, boolean byRegion,
      Optional<String> tenant) {
    List<Object> params = new ArrayList<>(List.of(range.from(), range.to()));
    String tenantFilter = "";
    if (tenant.isPresent()) {
      tenantFilter = " AND i.tenant_id = ?";
      params.add(tenant.get());
    }
    // Grouped: an incident published to several tenants' topics is one failure per site.
    String group = byRegion ? "coalesce(st.region, 'unknown')" : "i.tenant_id";
    Map<String, List<Reliability.Failure>> failures = new LinkedHashMap<>();
    Sql.query(ds, "SELECT " + group + " AS grp, i.incident_id, s.site_id,"
        + " min(i.opened_at) AS opened_at, max(i.resolved_at) AS resolved_at"
        + " FROM incidents i JOIN incident_sites s"
        + " ON s.tenant_id = i.tenant_id AND s.incident_id = i.incident_id"
        + " LEFT JOIN sites st ON st.site_id = s.site_id"
        + " WHERE i.opened_at >= ? AND i.opened_at < ?" + tenantFilter
        + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", params,
        rs -> failures.computeIfAbsent(rs.getString("grp"), g -> new ArrayList<>())
            .add(new Reliability.Failure(Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "resolved_at"))));
    Map<String, Long> population = population(byRegion, tenant);
    List<Reliability> result = new ArrayList<>();
    failures.forEach((g, list) -> result.add(Reliability.of(g,
        population.getOrDefault(g, 0L), list, range)));
    return result;
  }

  private Map<String, Long> population(boolean byRegion, Optional<String> tenant) {
    Map<String, Long> population = new HashMap<>();
    Sql.RowMapper<Object> put = rs -> population.put(rs.getString(1), rs.getLong(2));
    if (byRegion && tenant.isPresent()) {
      Sql.query(ds, "SELECT st.region, count(*) FROM tenancies t JOIN sites st"
          + " ON st.site_id = t.site_id WHERE t.tenant_id = ? GROUP BY st.region",
          List.of(tenant.get()), put);
    } else if (byRegion) {
      Sql.query(ds, "SELECT region, count(*) FROM sites GROUP BY region", List.of(), put);
    } else {
      Sql.query(ds, "SELECT tenant_id, count(*) FROM tenancies GROUP BY tenant_id", List.of(),
          put);
      // The towerco's own incidents concern its whole fleet.
      Sql.query(ds, "SELECT ?, count(*) FROM sites", List.of(operatorTenant), put);
    }
    return population;
  }

  /** Alarms raised in the range, by X.733 probable cause, most frequent first. */
  public List<ProbableCauseStats> alarmsByProbableCause(TimeRange range,
      Optional<String> tenancy, Optional<String> region, Optional<String> site) {
    List<Object> params = new ArrayList<>(List.of(range.from(), range.to()));
    StringBuilder where = new StringBuilder();
    tenancy.ifPresent(t -> {
      where.append(" AND a.tenancy_tenant_id = ?");
      params.add(t);
    });
    region.ifPresent(r -> {
      where.append(" AND st.region = ?");
      params.add(r);
    });
    site.ifPresent(s -> {
      where.append(" AND a.site_id = ?");
      params.add(s);
    });
    params.add(range.from());
    return Sql.query(ds, """
        WITH r AS (
          SELECT a.site_id, a.alarm_id, a.probable_cause, a.perceived_severity,
                 a.event_time AS raised_at
          FROM alarms a LEFT JOIN sites st ON st.site_id = a.site_id
          WHERE a.state = 'raised' AND a.event_time >= ? AND a.event_time < ?""" + where + """
        ),
        c AS (
          SELECT site_id, alarm_id, min(event_time) AS cleared_at FROM alarms
          WHERE state = 'cleared' AND event_time >= ? GROUP BY site_id, alarm_id
        )
        SELECT r.probable_cause, count(*) AS raised, count(c.cleared_at) AS cleared,
               count(*) FILTER (WHERE r.perceived_severity = 'critical') AS critical,
               count(*) FILTER (WHERE r.perceived_severity = 'major') AS major,
               count(DISTINCT r.site_id) AS sites,
               avg(extract(epoch FROM (c.cleared_at - r.raised_at))) / 60 AS mean_clear,
               max(extract(epoch FROM (c.cleared_at - r.raised_at))) / 60 AS max_clear
        FROM r LEFT JOIN c ON c.site_id = r.site_id AND c.alarm_id = r.alarm_id
             AND c.cleared_at >= r.raised_at
        GROUP BY r.probable_cause
        ORDER BY raised DESC, r.probable_cause""", params, rs -> {
          long raised = rs.getLong("raised");
          long cleared = rs.getLong("cleared");
          Double mean = Sql.nullableDouble(rs, "mean_clear");
          Double max = Sql.nullableDouble(rs, "max_clear");
          return new ProbableCauseStats(rs.getString("probable_cause"), raised, cleared,
              raised - cleared, rs.getLong("critical"), rs.getLong("major"),
              rs.getLong("sites"), mean == null ? null : round(mean),
              max == null ? null : round(max));
        });
  }

  /** True if the tenant holds (or held, per its KPI history) a tenancy at the site. */
  public boolean hasTenancy(String tenant, String siteId) {
    return !Sql.query(ds, "SELECT 1 FROM tenancies WHERE tenant_id = ? AND site_id = ?"
        + " UNION ALL SELECT 1 FROM kpi_windows WHERE tenant_id = ? AND site_id = ?"
        + " AND tenancy_tenant_id = ? LIMIT 1", List.of(tenant, siteId, tenant, siteId, tenant),
        rs -> 1).isEmpty();
  }

  private static String value(KpiMeasure kpi) {
    String col = kpi.kpiName();
    return switch (kpi.combine()) {
      case WEIGHTED_AVERAGE -> "sum(" + col + " * duration_s) / nullif(sum(duration_s), 0)";
      case SUM -> "sum(" + col + ")";
      case MINIMUM -> "min(" + col + ")";
    };
  }

  /** Whole-site windows, or the tenant's tenancy windows (owned and measuring it). */
  private static void scope(StringBuilder where, List<Object> params, Optional<String> tenancy) {
    if (tenancy.isPresent()) {
      where.append(" AND tenant_id = ? AND tenancy_tenant_id = ?");
      params.add(tenancy.get());
      params.add(tenancy.get());
    } else {
      where.append(" AND tenancy_tenant_id = ''");
    }
  }

  static double round(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
