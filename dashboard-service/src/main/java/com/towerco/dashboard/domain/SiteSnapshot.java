package com.towerco.dashboard.domain;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about one site at one moment, immutable: inventory record, latest power
 * chain and conditions, reachability, active alarms and firing alerts. The read model keeps the
 * latest one per site; live updates carry one, so a reconnecting page is replayed the state as
 * it was when each update happened.
 */
public record SiteSnapshot(
    String siteId,
    SiteRegistered registration,
    PowerChain chain,
    SiteConditions conditions,
    Boolean reachable,
    String connectivityReason,
    Instant connectivityAt,
    List<AlarmView> alarms,
    List<AlertView> firingAlerts) {

  public SiteSnapshot {
    alarms = List.copyOf(alarms);
    firingAlerts = List.copyOf(firingAlerts);
  }

  public List<String> tenants() {
    return registration == null ? List.of()
        : registration.tenancies().stream().map(SiteRegistered.Tenancy::tenantId).toList();
  }

  /** The NOC sees every site; a tenant sees the sites that host one of its tenancies. */
  public boolean visibleTo(Viewer viewer) {
    return Visibility.site(viewer, tenants());
  }

  public SiteSummary summaryFor(Viewer viewer) {
    PowerChain scoped = chain == null ? null : chain.visibleTo(viewer);
    List<AlertView> alerts = firingAlerts.stream().filter(a -> a.visibleTo(viewer)).toList();
    AlertSeverity worst = alerts.stream().map(AlertView::severity)
        .reduce(AlertSeverity::max).orElse(null);
    SiteRegistered r = registration;
    return new SiteSummary(siteId, r == null ? siteId : r.name(),
        r == null ? null : r.region(), r == null ? null : r.hubSiteId(), r != null && r.hub(),
        r == null ? null : r.latitude(), r == null ? null : r.longitude(),
        SiteStatus.of(reachable, scoped), scoped == null ? null : scoped.source(),
        scoped == null ? null : scoped.gridAvailable(),
        scoped == null ? null : scoped.generatorRunning(),
        scoped == null ? null : scoped.onBattery(),
        scoped == null ? null : scoped.batterySocPct(), scoped == null ? null : scoped.fuelPct(),
        reachable, alerts.size(), worst,
        (int) alarms.stream().filter(a -> a.visibleTo(viewer)).count(),
        Visibility.tenantNames(viewer, tenants()), conditions == null ? null : conditions.at());
  }

  public List<SiteRegistered.Tenancy> tenanciesFor(Viewer viewer) {
    return registration == null ? List.of() : registration.tenancies().stream()
        .filter(t -> Visibility.ownedBy(viewer, t.tenantId())).toList();
  }
}
