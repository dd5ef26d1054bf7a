package com.towerco.analytics.domain;

import java.time.Instant;
import java.util.List;

/**
 * A time-bucketed KPI series for one site, tenant or region. {@code tenant} is the tenancy the
 * series measures (empty for whole-site windows).
 */
public record KpiHistory(String kpi, String level, String id, String tenant, Instant from,
    Instant to, long bucketSeconds, List<Point> points) {

  /** One bucket: the combined value, the extremes of its windows, and how many windows. */
  public record Point(Instant bucket, Double value, Double min, Double max, long windows) {}

  /** What a history query is about. */
  public enum Level { SITE, TENANT, REGION }
}
