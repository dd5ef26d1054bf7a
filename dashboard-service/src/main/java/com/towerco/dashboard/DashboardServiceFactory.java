package com.towerco.dashboard;

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
 * Builds the Dashboard Service for the launcher ({@code --services dashboard}); its settings are
 * listed in {@link DashboardSettings}. The service's HTTP routes are mounted by the launcher on
 * the process's web server, since the service is also an {@code HttpRoutes}.
 */
public final class DashboardServiceFactory implements ServiceFactory {
  @Override
  public String name() {
    return DashboardService.NAME;
  }

  @Override
  public String groupId() {
    return DashboardSettings.DEFAULT_GROUP_ID;
  }

  @Override
  public String description() {
    return "live read model of the fleet: JSON API, server-sent events and the web UI";
  }

  /**
   * Its group is the default one; a {@code dashboard.group-id} of another name gets no ACL. It
   * reads the processes' heartbeats and describes every group and topic (lag per group).
   */
  @Override
  public KafkaAccess kafkaAccess() {
    return KafkaAccess.of(name()).reads(TopicFamily.SITE_EVENTS, TopicFamily.KPI_METRICS,
        TopicFamily.ALERT_NOTIFICATIONS, TopicFamily.INCIDENT_LIFECYCLE, TopicFamily.INVENTORY,
        TopicFamily.PLATFORM_HEALTH)
        .groups(DashboardSettings.DEFAULT_GROUP_ID).watchesGroups();
  }

  @Override
  public List<Setting<?>> settings() {
    return DashboardSettings.ALL;
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    return new DashboardService(context, DashboardSettings.from(settings), Clock.systemUTC());
  }
}
