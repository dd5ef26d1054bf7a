package com.towerco.dashboard.domain;

import com.towerco.events.payload.alert.AlertSeverity;
import java.util.List;

/**
 * One site as the fleet map and list draw it: where it is, which hub it hangs off, its state,
 * its open alerts and the tenants it hosts (as the viewer may see them). A tenth of a
 * {@link SiteSummary}, so a page can hold thousands.
 */
public record FleetSite(
    String siteId,
    String name,
    String region,
    boolean hub,
    String hubSiteId,
    Double lat,
    Double lon,
    SiteStatus state,
    int alerts,
    AlertSeverity worst,
    List<String> tenants) {

  public static FleetSite of(SiteSummary s) {
    return new FleetSite(s.siteId(), s.name(), s.region(), s.hub(), s.hubSiteId(),
        s.latitude(), s.longitude(), s.status(), s.openAlerts(), s.worstAlert(), s.tenancies());
  }
}
