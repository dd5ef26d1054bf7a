package com.towerco.kpi;

import com.towerco.events.TopicFamily;
import com.towerco.kpi.stream.KpiStreams;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.KafkaAccess;

/**
 * The KPI Calculator: event-time windows per site and per tenancy (power availability, grid
 * availability, generator run time, fuel consumed, lowest battery charge, energy, alarms,
 * reporting coverage), published to {@code towerco.kpis.{tenant_id}.metrics}.
 *
 * <p>Settings: {@code kpi.window} (ISO-8601 duration, default PT1M), {@code kpi.grace} (PT30S),
 * {@code kpi.max-gap} (how long a reading's state holds without a newer one, PT2M),
 * {@code kpi.silence} (stop emitting empty windows for a site silent this long, PT1H),
 * {@code kpi.instances} (consumers in this process, 1).
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
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    return KpiStreams.create(context, settings, NAME, GROUP_ID);
  }
}
