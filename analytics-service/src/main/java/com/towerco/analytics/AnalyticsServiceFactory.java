package com.towerco.analytics;

import com.towerco.analytics.jdbc.EmbeddedStoreGuard;
import com.towerco.events.TopicFamily;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.KafkaAccess;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the analytics service ({@code --services analytics}): every event of every topic
 * family stored in SQL, and the history/SLA query API. Settings: {@link AnalyticsSettings#ALL}
 * ({@code analytics.jdbc-url}, {@code analytics.jdbc-password}, batching, retention, ...).
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
  public List<Setting<?>> settings() {
    return AnalyticsSettings.ALL;
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    AnalyticsSettings analytics = AnalyticsSettings.from(settings, context.config());
    EmbeddedStoreGuard.requireSoleInstance(context.clients(), GROUP_ID, analytics.jdbcUrl(),
        "towerco-" + NAME + "-" + context.config().instanceId() + "-");
    return new AnalyticsService(context, NAME, GROUP_ID, analytics);
  }
}
