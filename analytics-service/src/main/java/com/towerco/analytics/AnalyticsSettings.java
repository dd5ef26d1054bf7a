package com.towerco.analytics;

import com.towerco.analytics.domain.RetentionPolicy;
import com.towerco.analytics.ingest.IngestSettings;
import com.towerco.analytics.jdbc.Database;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The analytics service's settings ({@code analytics.*}), declared once in {@link #ALL}; durations
 * in the platform's one grammar ({@code 30d}, {@code 12h}, {@code P30D}), retentions also
 * {@code forever}.
 */
public record AnalyticsSettings(String jdbcUrl, String jdbcUser, String jdbcPassword,
    Database.Timescale timescale, int poolSize, int instances, IngestSettings ingest,
    RetentionPolicy retention, Duration retentionInterval) {

  private static final IngestSettings INGEST = IngestSettings.defaults();
  private static final RetentionPolicy KEEP = RetentionPolicy.defaults();

  public static final Setting<String> JDBC_URL = Setting.text("analytics.jdbc-url", null,
      "jdbc:postgresql://... for production, or a DuckDB file.")
      .withDefaultText("jdbc:duckdb:DATA_DIR/analytics/analytics.duckdb");
  public static final Setting<String> JDBC_USER = Setting.text("analytics.jdbc-user", null,
      "PostgreSQL user.");
  public static final Setting<String> JDBC_PASSWORD = Setting.secret("analytics.jdbc-password",
      "PostgreSQL password.");
  public static final Setting<String> TIMESCALEDB = Setting.choice("analytics.timescaledb",
      "auto", "auto: use TimescaleDB when installed; on: fail without it; off: native "
          + "partitioning.", "auto", "on", "off");
  public static final Setting<Integer> BATCH_SIZE = Setting.integer("analytics.batch-size",
      INGEST.batchEvents(), 1, 1_000_000, "Events the sink gathers before it hands a batch to "
          + "its writer (under load batches grow while the writer is busy).");
  public static final Setting<Integer> MAX_BUFFERED = Setting.integer("analytics.max-buffered",
      INGEST.maxBufferedEvents(), 1, 10_000_000, "Events on the heap waiting for the "
          + "database (the batch filling and the one handed over) before consumption pauses "
          + "(at least batch-size).");
  public static final Setting<Long> FLUSH_INTERVAL_MS = Setting.longValue(
      "analytics.flush-interval-ms", INGEST.flushInterval().toMillis(), 1, 3_600_000,
      "Longest an event waits for its batch, in milliseconds.");
  public static final Setting<Integer> COMMIT_EVENTS = Setting.integer("analytics.commit-events",
      INGEST.commitEvents(), 1, 10_000_000, "Events the writer's transaction gathers over"
          + " batches before it commits (DuckDB's row group: written without its log).");
  public static final Setting<Long> COMMIT_INTERVAL_MS = Setting.longValue(
      "analytics.commit-interval-ms", INGEST.commitInterval().toMillis(), 0, 3_600_000,
      "Longest the writer's transaction stays open, in milliseconds, while events keep"
          + " arriving: how late stored rows become visible and Kafka offsets advance under load.");
  public static final Setting<Long> COMMIT_IDLE_MS = Setting.longValue(
      "analytics.commit-idle-ms", INGEST.commitIdle().toMillis(), 0, 3_600_000,
      "The writer commits its transaction once every event handled is appended and none has"
          + " arrived for this long, in milliseconds (the input paused; 0: only by"
          + " commit-events and commit-interval-ms).");
  public static final Setting<Duration> DEDUP_HORIZON = Setting.duration(
      "analytics.dedup-horizon", INGEST.dedupHorizon(),
      "The in-memory event-id window, per partition in that partition's own event time.");
  public static final Setting<Integer> DEDUP_MAX_IDS = Setting.integer("analytics.dedup-max-ids",
      INGEST.dedupMaxIds(), 1, 100_000_000,
      "The in-memory event-id window, in ids over all partitions.");
  public static final Setting<Optional<Duration>> RETENTION_RAW = Setting.durationOrForever(
      "analytics.retention.raw-events", KEEP.rawEvents(), "How long raw events are kept.");
  public static final Setting<Optional<Duration>> RETENTION_KPI_WINDOWS =
      Setting.durationOrForever("analytics.retention.kpi-windows", KEEP.kpiWindows(),
          "How long KPI windows are kept.");
  public static final Setting<Optional<Duration>> RETENTION_ALARMS = Setting.durationOrForever(
      "analytics.retention.alarms", KEEP.alarms(), "How long alarms are kept.");
  public static final Setting<Optional<Duration>> RETENTION_KPI_HOURLY =
      Setting.durationOrForever("analytics.retention.kpi-hourly", KEEP.kpiHourly(),
          "How long hourly KPI roll-ups are kept.");
  public static final Setting<Optional<Duration>> RETENTION_INTERVAL =
      Setting.durationOrForever("analytics.retention.interval", Optional.of(Duration.ofHours(1)),
          "How often old data is removed (forever: never).");
  public static final Setting<Integer> INSTANCES = Setting.integer("analytics.instances", 1, 1,
      64, "Consumers in this process.");
  public static final Setting<Integer> POOL_SIZE = Setting.integer("analytics.pool-size", 8, 1,
      256, "Database connections.");
  public static final List<Setting<?>> ALL = List.of(JDBC_URL, JDBC_USER, JDBC_PASSWORD,
      TIMESCALEDB, BATCH_SIZE, MAX_BUFFERED, FLUSH_INTERVAL_MS, COMMIT_EVENTS, COMMIT_INTERVAL_MS,
      COMMIT_IDLE_MS, DEDUP_HORIZON, DEDUP_MAX_IDS,
      RETENTION_RAW, RETENTION_KPI_WINDOWS, RETENTION_ALARMS, RETENTION_KPI_HOURLY,
      RETENTION_INTERVAL, INSTANCES, POOL_SIZE);

  public static AnalyticsSettings from(ServiceSettings s, PlatformConfig config) {
    String defaultUrl = "jdbc:duckdb:" + config.dataDir().resolve("analytics")
        .resolve("analytics.duckdb").toAbsolutePath();
    int batch = BATCH_SIZE.from(s);
    return new AnalyticsSettings(JDBC_URL.orElse(s, defaultUrl), JDBC_USER.from(s),
        JDBC_PASSWORD.from(s),
        Database.Timescale.valueOf(TIMESCALEDB.from(s).toUpperCase(Locale.ROOT)),
        POOL_SIZE.from(s), INSTANCES.from(s),
        new IngestSettings(batch,
            MAX_BUFFERED.orElse(s, Math.max(INGEST.maxBufferedEvents(), batch)),
            Duration.ofMillis(FLUSH_INTERVAL_MS.from(s)), INGEST.maxRetryBackoff(),
            DEDUP_HORIZON.from(s), DEDUP_MAX_IDS.from(s), COMMIT_EVENTS.from(s),
            Duration.ofMillis(COMMIT_INTERVAL_MS.from(s)),
            Duration.ofMillis(COMMIT_IDLE_MS.from(s))),
        new RetentionPolicy(RETENTION_RAW.from(s), RETENTION_KPI_WINDOWS.from(s),
            RETENTION_ALARMS.from(s), RETENTION_KPI_HOURLY.from(s)),
        RETENTION_INTERVAL.from(s).orElse(Duration.ZERO));
  }
}
