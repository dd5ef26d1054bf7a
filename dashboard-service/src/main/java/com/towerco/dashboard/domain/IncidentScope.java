package com.towerco.dashboard.domain;

import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which tenants each site and alert of an incident belongs to, so an incident can be cut to a
 * tenant viewer: it sees the affected sites that host its tenancies and the alerts that affect
 * it, and nothing of the others. Taken from the read model when the incident changes (for the
 * live stream) or when it is asked for (for the API).
 */
public record IncidentScope(Map<String, Set<String>> siteTenants,
    Map<String, Set<String>> alertTenants) {

  public IncidentScope {
    siteTenants = Map.copyOf(siteTenants);
    alertTenants = Map.copyOf(alertTenants);
  }

  Predicate<String> sitesFor(Viewer viewer) {
    return siteId -> Visibility.site(viewer, siteTenants.getOrDefault(siteId, Set.of()));
  }

  Predicate<String> alertsFor(Viewer viewer) {
    return alertId -> Visibility.concerns(viewer,
        alertTenants.getOrDefault(alertId, Set.of()));
  }
}
