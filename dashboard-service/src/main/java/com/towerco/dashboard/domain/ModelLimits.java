package com.towerco.dashboard.domain;

import java.time.Duration;

/**
 * How much the read model keeps, so its memory stays bounded whatever the fleet and event rate:
 * the chart window and points per series, how many resolved alerts and incidents stay visible,
 * timeline length, KPI windows per series, sites, alarms per site, and the event-id
 * deduplication horizon.
 */
public record ModelLimits(
    Duration seriesWindow,
    int seriesPoints,
    int maxFiringAlerts,
    int maxResolvedAlerts,
    int maxOpenIncidents,
    int maxResolvedIncidents,
    int maxTimeline,
    int kpiWindowsPerSeries,
    int maxSites,
    int maxAlarmsPerSite,
    Duration dedupHorizon) {

  public ModelLimits {
    if (seriesWindow.isNegative() || seriesWindow.isZero() || seriesPoints < 2
        || maxFiringAlerts < 1 || maxResolvedAlerts < 1 || maxOpenIncidents < 1
        || maxResolvedIncidents < 1 || maxTimeline < 2 || kpiWindowsPerSeries < 1
        || maxSites < 1 || maxAlarmsPerSite < 1 || dedupHorizon.isNegative()) {
      throw new IllegalArgumentException("model limits must be positive: " + this);
    }
  }

  public static ModelLimits defaults() {
    return new ModelLimits(Duration.ofMinutes(30), 180, 50_000, 2_000, 10_000, 1_000, 200, 60,
        100_000, 200, Duration.ofHours(2));
  }

  /** The width of one chart point (see {@link TelemetrySeries#resolutionMillis}). */
  public long seriesResolutionMillis() {
    return TelemetrySeries.resolutionMillis(seriesWindow, seriesPoints);
  }
}
