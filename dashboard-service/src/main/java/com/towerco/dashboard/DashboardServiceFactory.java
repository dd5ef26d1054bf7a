package com.towerco.dashboard;

import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Clock;

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

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    return new DashboardService(context, DashboardSettings.from(settings), Clock.systemUTC());
  }
}
