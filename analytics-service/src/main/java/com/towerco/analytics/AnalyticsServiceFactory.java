package com.towerco.analytics;

import com.towerco.analytics.jdbc.EmbeddedStoreGuard;
import com.towerco.events.TopicFamily;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.KafkaAccess;
import java.util.Arrays;

/**
 * Builds the analytics service ({@code --services analytics}): every event of every topic
 * family stored in SQL, and the history/SLA query API. Settings:
 * <ul>
 *   <li>{@code analytics.jdbc-url}: {@code jdbc:postgresql://...} for production, or a DuckDB
 *       file; default {@code jdbc:duckdb:<data-dir>/analytics/analytics.duckdb}</li>
 *   <li>{@code analytics.jdbc-user}, {@code analytics.jdbc-password}: PostgreSQL credentials</li>
 *   <li>{@code analytics.timescaledb}: {@code auto} (default: use it when installed),
 *       {@code on} (fail without it) or {@code off} (native partitioning)</li>
 *   <li>{@code analytics.batch-size}: events the sink gathers before it hands a batch to its
 *       writer (default 10000; under load batches grow while the writer is busy)</li>
 *   <li>{@code analytics.max-buffered}: events waiting before consumption pauses (50000)</li>
 *   <li>{@code analytics.flush-interval-ms}: longest an event waits for its batch (500)</li>
 *   <li>{@code analytics.dedup-horizon}, {@code analytics.dedup-max-ids}: the in-memory
 *       event-id window, in event time and ids (10m, 1000000)</li>
 *   <li>{@code analytics.retention.raw-events}, {@code .kpi-windows}, {@code .alarms},
 *       {@code .kpi-hourly}: how long each series is kept (30d, 400d, 400d, forever), and
 *       {@code analytics.retention.interval}: how often old data is removed (1h)</li>
 *   <li>{@code analytics.instances}: consumers in this process (1)</li>
 *   <li>{@code analytics.pool-size}: database connections (8)</li>
 * </ul>
 */
public final class AnalyticsServiceFactory implements ServiceFactory {
  public static final String NAME = "analytics";
  public static final String GROUP_ID = "towerco-analytics-service";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String groupId() {
    return GROUP_ID;
  }

  @Override
  public String description() {
    return "stores every event in SQL (DuckDB embedded, or PostgreSQL/TimescaleDB) and serves"
        + " KPI history, downtime, MTTR/MTBF, alarm statistics and SLA reports";
  }

  @Override
  public KafkaAccess kafkaAccess() {
    return KafkaAccess.of(NAME).reads(Arrays.stream(TopicFamily.values())
        .filter(f -> !AnalyticsService.NOT_STORED.contains(f)).toArray(TopicFamily[]::new))
        .groups(GROUP_ID);
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    AnalyticsSettings analytics = AnalyticsSettings.from(settings, context.config());
    EmbeddedStoreGuard.requireSoleInstance(context.clients(), GROUP_ID, analytics.jdbcUrl(),
        "towerco-" + NAME + "-" + context.config().instanceId() + "-");
    return new AnalyticsService(context, NAME, GROUP_ID, analytics);
  }
}
