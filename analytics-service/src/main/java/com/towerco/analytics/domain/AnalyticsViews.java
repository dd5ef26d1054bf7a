package com.towerco.analytics.domain;

/**
 * The other answers of the query API: sites ranked by downtime and alarm statistics by X.733
 * probable cause.
 */
public final class AnalyticsViews {
  private AnalyticsViews() {}

  /**
   * A site's downtime over a range: minutes without power inside the DC window (from its KPI
   * windows, weighted by window length), minutes without grid, and the measured minutes.
   */
  public record SiteDowntime(String siteId, String region, double downtimeMinutes,
      double gridOutageMinutes, double measuredMinutes, Double availabilityPct) {}

  /**
   * Alarms of one probable cause raised in a range: how many, how many cleared and still
   * active, by severity, at how many sites, and the mean and longest time to clear.
   */
  public record ProbableCauseStats(String probableCause, long raised, long cleared, long active,
      long critical, long major, long sites, Double meanMinutesToClear,
      Double maxMinutesToClear) {}
}
