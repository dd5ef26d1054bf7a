package com.towerco.analytics;

import com.towerco.analytics.domain.RetentionPolicy;
import com.towerco.analytics.ingest.IngestSettings;
import com.towerco.analytics.jdbc.Database;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The analytics service's settings, read from {@code analytics.*} keys (see the factory). */
public record AnalyticsSettings(String jdbcUrl, String jdbcUser, String jdbcPassword,
    Database.Timescale timescale, int poolSize, int instances, IngestSettings ingest,
    RetentionPolicy retention, Duration retentionInterval) {

  public static AnalyticsSettings from(ServiceSettings s, PlatformConfig config) {
    String defaultUrl = "jdbc:duckdb:" + config.dataDir().resolve("analytics")
        .resolve("analytics.duckdb").toAbsolutePath();
    IngestSettings defaults = IngestSettings.defaults();
    int batch = s.integer("analytics.batch-size", defaults.batchEvents());
    RetentionPolicy keep = RetentionPolicy.defaults();
    return new AnalyticsSettings(
        s.string("analytics.jdbc-url", defaultUrl),
        s.string("analytics.jdbc-user", null),
        s.string("analytics.jdbc-password", null),
        Database.Timescale.valueOf(
            s.string("analytics.timescaledb", "auto").toUpperCase(Locale.ROOT)),
        s.integer("analytics.pool-size", 8),
        s.integer("analytics.instances", 1),
        new IngestSettings(batch,
            s.integer("analytics.max-buffered", Math.max(defaults.maxBufferedEvents(), batch)),
            Duration.ofMillis(s.longValue("analytics.flush-interval-ms",
                defaults.flushInterval().toMillis())),
            defaults.maxRetryBackoff(),
            duration(s, "analytics.dedup-horizon", Optional.of(defaults.dedupHorizon()))
                .orElse(defaults.dedupHorizon()),
            s.integer("analytics.dedup-max-ids", defaults.dedupMaxIds())),
        new RetentionPolicy(
            duration(s, "analytics.retention.raw-events", keep.rawEvents()),
            duration(s, "analytics.retention.kpi-windows", keep.kpiWindows()),
            duration(s, "analytics.retention.alarms", keep.alarms()),
            duration(s, "analytics.retention.kpi-hourly", keep.kpiHourly())),
        duration(s, "analytics.retention.interval", Optional.of(Duration.ofHours(1)))
            .orElse(Duration.ZERO));
  }

  /**
   * A duration as ISO-8601 ({@code P30D}, {@code PT12H}) or a number and unit ({@code 30d},
   * {@code 12h}, {@code 90m}, {@code 45s}); {@code forever} (or {@code 0}) means no limit.
   */
  static Optional<Duration> duration(ServiceSettings s, String key, Optional<Duration> fallback) {
    String text = s.string(key, null);
    if (text == null) {
      return fallback;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("forever") || t.equals("0") || t.equals("none")) {
      return Optional.empty();
    }
    try {
      if (t.startsWith("p")) {
        return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
      }
      long amount = Long.parseLong(t.substring(0, t.length() - 1));
      return Optional.of(switch (t.charAt(t.length() - 1)) {
        case 'd' -> Duration.ofDays(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 's' -> Duration.ofSeconds(amount);
        default -> throw new IllegalArgumentException(text);
      });
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + ": not a duration (30d, 12h, P30D, forever): "
          + text, e);
    }
  }
}
