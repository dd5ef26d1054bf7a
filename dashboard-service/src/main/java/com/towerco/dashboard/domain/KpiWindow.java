package com.towerco.dashboard.domain;

import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.time.Instant;
import java.util.Map;

/**
 * The KPIs of one event-time window for a site or for one tenancy on it. A window computed
 * again (late events) replaces the earlier figures for the same start. Site-wide windows are
 * the towerco's; a tenant sees only its own tenancy windows.
 */
public record KpiWindow(
    KpiComputed.KpiScope scope,
    String siteId,
    String tenantId,
    String region,
    Instant windowStart,
    Instant windowEnd,
    int samples,
    Map<String, Double> values) {

  public static KpiWindow of(KpiComputed k) {
    return new KpiWindow(k.scope(), k.siteId(), k.tenantId(), k.region(), k.windowStart(),
        k.windowEnd(), k.samples(), k.values());
  }

  /** Site, scope and tenancy: what a newer window of the same series replaces. */
  public String seriesKey() {
    return siteId + "|" + scope + "|" + (tenantId == null ? "" : tenantId);
  }

  public boolean visibleTo(Viewer viewer) {
    return scope == KpiComputed.KpiScope.TENANCY ? Visibility.ownedBy(viewer, tenantId)
        : Visibility.operatorOnly(viewer);
  }
}
