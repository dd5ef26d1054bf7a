package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.SlaReport;
import com.towerco.analytics.domain.SlaReport.SlaIncident;
import com.towerco.analytics.domain.SlaReport.TenancySla;
import com.towerco.analytics.domain.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Gathers a tenant's monthly SLA report: its tenancies and targets from the inventory, the
 * measured and out-of-window time of each from its tenancy KPI windows (read through the
 * hourly rollup, since a month is whole hours), and the incidents of
 * that tenant at each site that overlap the month. Sites are in id order.
 */
public final class SlaQueries {
  private final DataSource ds;

  public SlaQueries(DataSource ds) {
    this.ds = ds;
  }

  private record Line(String siteId, String region, Double target, double measuredS,
      double outsideS) {}

  public SlaReport monthlyReport(String tenant, YearMonth month) {
    TimeRange range = TimeRange.of(month);
    Map<String, Line> lines = new TreeMap<>();
    Sql.query(ds, "SELECT t.site_id, st.region, t.sla_availability_pct FROM tenancies t"
        + " LEFT JOIN sites st ON st.site_id = t.site_id WHERE t.tenant_id = ?",
        List.of(tenant), rs -> lines.put(rs.getString(1), new Line(rs.getString(1),
            rs.getString(2), Sql.nullableDouble(rs, "sla_availability_pct"), 0, 0)));
    Sql.query(ds, """
        SELECT site_id, max(region) AS region,
               sum(power_availability_pct_duration) AS measured,
               (100 * sum(power_availability_pct_duration) - sum(power_availability_pct_sum))
                 / 100 AS outside
        FROM kpi_hourly
        WHERE tenant_id = ? AND tenancy_tenant_id = ? AND bucket >= ? AND bucket < ?
          AND power_availability_pct_windows > 0
        GROUP BY site_id""", List.of(tenant, tenant, range.from(), range.to()), rs -> {
          String site = rs.getString("site_id");
          Line known = lines.get(site);
          // Sums of products leave rounding dust where nothing was outside the window.
          double outside = rs.getDouble("outside");
          return lines.put(site, new Line(site,
              known != null && known.region() != null ? known.region() : rs.getString("region"),
              known == null ? null : known.target(), rs.getDouble("measured"),
              outside < 1e-6 ? 0 : outside));
        });
    Map<String, List<SlaIncident>> incidents = new TreeMap<>();
    Sql.query(ds, """
        SELECT s.site_id, i.incident_id, i.title, i.severity, i.root_cause_kind, i.opened_at,
               i.resolved_at
        FROM incidents i JOIN incident_sites s
          ON s.tenant_id = i.tenant_id AND s.incident_id = i.incident_id
        WHERE i.tenant_id = ? AND i.opened_at < ?
          AND (i.resolved_at IS NULL OR i.resolved_at >= ?)
        ORDER BY i.opened_at, i.incident_id""", List.of(tenant, range.to(), range.from()),
        rs -> incidents.computeIfAbsent(rs.getString("site_id"), s -> new ArrayList<>())
            .add(incident(rs.getString("incident_id"), rs.getString("title"),
                rs.getString("severity"), rs.getString("root_cause_kind"),
                Sql.instant(rs, "opened_at"), Sql.instant(rs, "resolved_at"), range)));
    List<TenancySla> report = new ArrayList<>();
    for (Line line : lines.values()) {
      // Incidents explain time outside the window; a clean month lists none.
      List<SlaIncident> causes = line.outsideS() > 0
          ? incidents.getOrDefault(line.siteId(), List.of()) : List.of();
      report.add(TenancySla.of(line.siteId(), line.region(), line.target(), range,
          line.measuredS(), line.outsideS(), causes));
    }
    return SlaReport.of(tenant, month, report);
  }

  private static SlaIncident incident(String id, String title, String severity, String kind,
      Instant opened, Instant resolved, TimeRange month) {
    Instant start = opened.isBefore(month.from()) ? month.from() : opened;
    Instant end = resolved == null || resolved.isAfter(month.to()) ? month.to() : resolved;
    double minutes = end.isAfter(start) ? Duration.between(start, end).toSeconds() / 60.0 : 0;
    return new SlaIncident(id, title, severity, kind, opened, resolved,
        Math.round(minutes * 100.0) / 100.0);
  }
}
