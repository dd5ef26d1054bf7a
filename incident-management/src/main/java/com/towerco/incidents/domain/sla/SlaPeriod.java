package com.towerco.incidents.domain.sla;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One tenant's power SLA at one site for one calendar month (UTC), as measured so far: minutes
 * its DC feed was inside and outside the agreed window, minutes nobody could tell (the site did
 * not report), the outages as intervals, and when the month's outage budget ran out.
 */
public record SlaPeriod(
    String tenantId,
    String siteId,
    YearMonth month,
    Double targetPct,
    double minutesMeasured,
    double minutesOutOfWindow,
    double minutesUnreported,
    List<Outage> outages,
    Instant breachedAt,
    Instant measuredUntil) {

  public SlaPeriod {
    outages = List.copyOf(outages);
  }

  /** A stretch of consecutive windows in which the tenant's power was out of its window. */
  public record Outage(Instant start, Instant end, double minutes) {}

  public double monthMinutes() {
    return month.lengthOfMonth() * 24 * 60.0;
  }

  /** Share of the measured time the tenant's power was inside its window, %. */
  public double availabilityPct() {
    return minutesMeasured <= 0 ? 100.0
        : round(100.0 * (minutesMeasured - minutesOutOfWindow) / minutesMeasured);
  }

  /** Outage minutes the target allows in the whole month (null without a target). */
  public Double allowedMinutes() {
    return targetPct == null ? null : round(monthMinutes() * (100.0 - targetPct) / 100.0);
  }

  public boolean breached() {
    return breachedAt != null;
  }

  static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
