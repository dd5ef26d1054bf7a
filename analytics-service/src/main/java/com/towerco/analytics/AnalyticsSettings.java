package com.towerco.analytics;

import com.towerco.analytics.ingest.IngestSettings;
import com.towerco.analytics.jdbc.Database;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.Locale;

/** The analytics service's settings, read from {@code analytics.*} keys (see the factory). */
public record AnalyticsSettings(String jdbcUrl, String jdbcUser, String jdbcPassword,
    Database.Timescale timescale, int poolSize, int instances, IngestSettings ingest) {

  public static AnalyticsSettings from(ServiceSettings s, PlatformConfig config) {
    String defaultUrl = "jdbc:duckdb:" + config.dataDir().resolve("analytics")
        .resolve("analytics.duckdb").toAbsolutePath();
    IngestSettings defaults = IngestSettings.defaults();
    int batch = s.integer("analytics.batch-size", defaults.batchEvents());
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
            defaults.maxRetryBackoff()));
  }
}
