package com.towerco.aiops.stream;

import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.inventory.SiteDirectory;
import java.util.List;
import java.util.Optional;

/**
 * The inventory facts the engine needs about a site: region, hub and tenancies. Backed by the
 * platform's inventory view in production and by a map in topology tests.
 */
@FunctionalInterface
public interface SiteLookup {
  Optional<SiteRegistered> site(String siteId);

  static SiteLookup of(SiteDirectory directory) {
    return id -> directory.site(id).map(SiteDirectory.Site::registration);
  }

  default String region(String siteId) {
    return site(siteId).map(SiteRegistered::region).orElse("unknown");
  }

  default String hub(String siteId) {
    return site(siteId).map(SiteRegistered::hubSiteId).orElse(null);
  }

  /**
   * What the site shares with others, from the inventory's relations: feeder, transmission path
   * (its hub and that hub's parents, nearest first; for a hub, its parents), fuel supplier and
   * maintenance contractor.
   */
  default com.towerco.aiops.correlation.AlertFact.Relations relations(String siteId) {
    Optional<SiteRegistered> site = site(siteId);
    if (site.isEmpty()) {
      return com.towerco.aiops.correlation.AlertFact.Relations.NONE;
    }
    SiteRegistered.Relations r = site.get().relationsOrNone();
    List<String> path = new java.util.ArrayList<>();
    String next = site.get().hub() ? r.parentHubSiteId() : site.get().hubSiteId();
    while (next != null && !path.contains(next) && !next.equals(siteId) && path.size() < 8) {
      path.add(next);
      next = site(next).map(h -> h.relationsOrNone().parentHubSiteId()).orElse(null);
    }
    return new com.towerco.aiops.correlation.AlertFact.Relations(r.gridFeederId(), path,
        r.fuelSupplierId(), r.maintenanceContractorId());
  }

  default List<String> tenants(String siteId) {
    return site(siteId).map(s -> s.tenancies().stream().map(SiteRegistered.Tenancy::tenantId)
        .toList()).orElse(List.of());
  }

  /** True if the tenant's DC voltage is inside the window its tenancy agreed. */
  default boolean powered(String siteId, String tenantId, double volts) {
    return powered(site(siteId).orElse(null), tenantId, volts);
  }

  /**
   * As above for a site already looked up ({@code null}: not in the inventory); a tenant without
   * a tenancy there is judged against the default window, 45-57.5 V.
   */
  static boolean powered(SiteRegistered site, String tenantId, double volts) {
    if (site != null) {
      for (SiteRegistered.Tenancy t : site.tenancies()) {
        if (t.tenantId().equals(tenantId)) {
          return t.withinWindow(volts);
        }
      }
    }
    return volts >= 45.0 && volts <= 57.5;
  }
}
