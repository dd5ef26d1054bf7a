package com.towerco.dashboard.domain;

import com.towerco.events.payload.kpi.KpiComputed;

/**
 * The filters the read model answers, already validated by whoever built them; a null field
 * means "any". Limits cap how many rows a list returns.
 */
public final class Queries {
  private Queries() {}

  /** Sites by region, hosted tenant and state at a glance. */
  public record Sites(String region, String tenant, SiteStatus status) {
    public static Sites all() {
      return new Sites(null, null, null);
    }
  }

  /** Latest KPI windows by site, tenant and scope. */
  public record Kpis(String siteId, String tenant, KpiComputed.KpiScope scope) {
    public static Kpis all() {
      return new Kpis(null, null, null);
    }
  }

  /** Alerts by state, site and affected tenant, newest first. */
  public record Alerts(AlertView.State state, String siteId, String tenant, int limit) {
    public static Alerts all() {
      return new Alerts(null, null, null, Integer.MAX_VALUE);
    }
  }

  /** Incidents by state, site and affected tenant, most recently changed first. */
  public record Incidents(IncidentSummary.State state, String siteId, String tenant,
      int limit) {
    public static Incidents all() {
      return new Incidents(null, null, null, Integer.MAX_VALUE);
    }
  }
}
