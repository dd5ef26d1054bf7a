package com.towerco.analytics.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A tenant's monthly power SLA report: for each of its tenancies, the minutes its DC supply
 * was outside the agreed voltage window (from the tenancy KPI windows), the availability that
 * gives against the target, whether the SLA was breached, and the incidents at that site during
 * the month. Availability, the allowance and so the breach are all measured over the minutes
 * with telemetry ({@code measured}): unmeasured time is never silently counted as up or down,
 * and the coverage says how much of the month was measured.
 */
public record SlaReport(String tenantId, String month, Instant from, Instant to,
    int tenancies, int breached, double minutesOutsideDcWindow, List<TenancySla> lines) {

  public static SlaReport of(String tenantId, YearMonth month, List<TenancySla> lines) {
    TimeRange range = TimeRange.of(month);
    int breached = (int) lines.stream().filter(TenancySla::breached).count();
    double outside = lines.stream().mapToDouble(TenancySla::minutesOutsideDcWindow).sum();
    return new SlaReport(tenantId, month.toString(), range.from(), range.to(), lines.size(),
        breached,
        round(outside), List.copyOf(lines));
  }

  /** One tenancy's month. {@code targetPct} is null when the inventory has no SLA for it. */
  public record TenancySla(String siteId, String region, Double targetPct, double monthMinutes,
      double measuredMinutes, double coveragePct, double minutesOutsideDcWindow,
      Double availabilityPct, Double allowedMinutesOutside, double excessMinutes,
      boolean breached, List<SlaIncident> incidents) {

    /** Computes the line from the month's measured and out-of-window seconds. */
    public static TenancySla of(String siteId, String region, Double targetPct,
        TimeRange month, double measuredSeconds, double outsideSeconds,
        List<SlaIncident> incidents) {
      double monthMinutes = month.length().toMinutes();
      double measured = measuredSeconds / 60.0;
      double outside = outsideSeconds / 60.0;
      Double availability = measured > 0 ? 100.0 * (measured - outside) / measured : null;
      Double allowed = targetPct == null ? null : measured * (100.0 - targetPct) / 100.0;
      double excess = allowed == null ? 0 : Math.max(0, outside - allowed);
      boolean breached = targetPct != null && availability != null && availability < targetPct;
      return new TenancySla(siteId, region, targetPct, monthMinutes, round(measured),
          round(100.0 * measured / monthMinutes), round(outside),
          availability == null ? null : round4(availability),
          allowed == null ? null : round(allowed), round(excess), breached,
          List.copyOf(incidents));
    }
  }

  /** An incident at the tenancy's site during the month, and how long of it fell inside. */
  public record SlaIncident(String incidentId, String title, String severity,
      String rootCauseKind, Instant openedAt, Instant resolvedAt, double minutesInMonth) {}

  static double round(double value) {
    return Math.round(value * 100.0) / 100.0;
  }

  static double round4(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }
}
