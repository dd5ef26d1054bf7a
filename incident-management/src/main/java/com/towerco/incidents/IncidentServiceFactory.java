package com.towerco.incidents;

import com.towerco.events.TopicFamily;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.KafkaAccess;
import java.time.Clock;
import java.util.List;

/**
 * Incident management: the single writer of the event-sourced incident, SLA, energy
 * optimization and refuel streams ({@code towerco.incidents|optimizations|refuels.{tenant}
 * .lifecycle}), deciding the commands that arrive on the operator's command topics; CQRS read
 * models and the HTTP API over them; the dispatch and refuelling sagas; tenant SLA clocks.
 *
 * <p>Settings: {@link IncidentSettings} (consumers, command timeout, the dispatch steps'
 * timeouts, how far back views read on start, the saga timer).
 */
public final class IncidentServiceFactory implements ServiceFactory {
  public static final String NAME = "incidents";
  public static final String GROUP_ID = "towerco-incident-management";

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
    return "Incident management: event-sourced incidents, dispatch and refuel sagas, SLA clocks,"
        + " energy optimizations -> " + TopicFamily.INCIDENT_LIFECYCLE.template();
  }

  /**
   * The single writer of incident, optimization and refuel streams; it also sends commands
   * (from people through its API, and from its sagas) and reads them back.
   */
  @Override
  public KafkaAccess kafkaAccess() {
    TopicFamily[] streams = {TopicFamily.INCIDENT_COMMANDS, TopicFamily.INCIDENT_LIFECYCLE,
        TopicFamily.OPTIMIZATION_COMMANDS, TopicFamily.OPTIMIZATION_LIFECYCLE,
        TopicFamily.REFUEL_COMMANDS, TopicFamily.REFUEL_LIFECYCLE};
    return KafkaAccess.of(NAME).reads(streams)
        .reads(TopicFamily.KPI_METRICS, TopicFamily.SITE_EVENTS, TopicFamily.INVENTORY)
        .writes(streams).groups(GROUP_ID);
  }

  @Override
  public java.util.List<String> projectionNames() {
    return com.towerco.incidents.view.ReadModels.NAMES;
  }

  @Override
  public List<Setting<?>> settings() {
    return IncidentSettings.ALL;
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    return new IncidentService(context, settings, Clock.systemUTC());
  }
}
