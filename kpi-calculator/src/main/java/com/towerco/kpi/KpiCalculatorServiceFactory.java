package com.towerco.kpi;

import com.towerco.events.TopicFamily;
import com.towerco.kpi.stream.KpiSettings;
import com.towerco.kpi.stream.KpiStreams;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.KafkaAccess;
import java.util.List;

/**
 * The KPI Calculator: event-time windows per site and per tenancy (power availability, grid
 * availability, generator run time, fuel consumed, lowest battery charge, energy, alarms,
 * reporting coverage), published to {@code towerco.kpis.{tenant_id}.metrics}.
 *
 * <p>Settings: {@link KpiSettings} ({@code kpi.window}, {@code kpi.grace}, {@code kpi.max-gap},
 * {@code kpi.silence}, {@code kpi.instances}).
 */
public final class KpiCalculatorServiceFactory implements ServiceFactory {
  public static final String NAME = "kpi";
  public static final String GROUP_ID = "towerco-kpi-calculator";

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
    return "KPI Calculator: event-time KPI windows per site and tenancy -> "
        + TopicFamily.KPI_METRICS.template();
  }

  @Override
  public KafkaAccess kafkaAccess() {
    return KafkaAccess.of(NAME).reads(TopicFamily.SITE_EVENTS, TopicFamily.INVENTORY)
        .writes(TopicFamily.KPI_METRICS).groups(GROUP_ID);
  }

  @Override
  public List<Setting<?>> settings() {
    return KpiSettings.ALL;
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    return KpiStreams.create(context, settings, NAME, GROUP_ID);
  }
}
