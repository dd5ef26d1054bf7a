package com.towerco.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long the store keeps each time series, by the time column of its rows: raw events (by
 * event time), KPI windows (by window start), alarms, and the hourly KPI rollup. An empty
 * duration keeps a series for ever. The rollup usually outlives the windows it sums, so
 * history at an hour's grain stays after the 5-minute detail is gone.
 */
public record RetentionPolicy(Optional<Duration> rawEvents, Optional<Duration> kpiWindows,
    Optional<Duration> alarms, Optional<Duration> kpiHourly) {

  /** Raw events 30 days; KPI windows and alarms 400 days (13 months of SLA reports); rollup for ever. */
  public static RetentionPolicy defaults() {
    return new RetentionPolicy(Optional.of(Duration.ofDays(30)),
        Optional.of(Duration.ofDays(400)), Optional.of(Duration.ofDays(400)), Optional.empty());
  }

  /** How long a series is kept; empty for ever. */
  public Optional<Duration> limit(Series series) {
    return switch (series) {
      case RAW_EVENTS -> rawEvents;
      case KPI_WINDOWS -> kpiWindows;
      case ALARMS -> alarms;
      case KPI_HOURLY -> kpiHourly;
    };
  }

  /** For each series with a limit, the instant before which its rows go. */
  public Map<Series, Instant> cutoffs(Instant now) {
    Map<Series, Instant> cutoffs = new LinkedHashMap<>();
    for (Series series : Series.values()) {
      limit(series).ifPresent(d -> cutoffs.put(series, now.minus(d)));
    }
    return cutoffs;
  }

  /** The time-series tables and the column their retention goes by. */
  public enum Series {
    RAW_EVENTS("raw_events", "event_time", true),
    KPI_WINDOWS("kpi_windows", "window_start", true),
    ALARMS("alarms", "event_time", true),
    KPI_HOURLY("kpi_hourly", "bucket", false);

    private final String table;
    private final String timeColumn;
    private final boolean partitioned;

    Series(String table, String timeColumn, boolean partitioned) {
      this.table = table;
      this.timeColumn = timeColumn;
      this.partitioned = partitioned;
    }

    public String table() {
      return table;
    }

    public String timeColumn() {
      return timeColumn;
    }

    /** Monthly partitions on plain PostgreSQL (the rollup is one table). */
    public boolean partitioned() {
      return partitioned;
    }
  }
}
