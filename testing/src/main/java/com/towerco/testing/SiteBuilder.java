package com.towerco.testing;

import com.towerco.events.payload.site.SiteRegistered;
import java.util.ArrayList;
import java.util.List;

/** Builds inventory records for tests: {@code aSite().behindHub("H1").withTenant("altel").build()}. */
public final class SiteBuilder {
  private String region = "north";
  private String hub;
  private boolean isHub;
  private final List<SiteRegistered.Tenancy> tenancies = new ArrayList<>();

  public static SiteBuilder aSite() {
    return new SiteBuilder();
  }

  public SiteBuilder inRegion(String region) {
    this.region = region;
    return this;
  }

  public SiteBuilder behindHub(String hubSiteId) {
    this.hub = hubSiteId;
    return this;
  }

  public SiteBuilder asHub() {
    this.isHub = true;
    return this;
  }

  public SiteBuilder withTenant(String tenantId) {
    tenancies.add(new SiteRegistered.Tenancy(tenantId, 99.95, 45, 57.5, 4));
    return this;
  }

  public SiteRegistered build() {
    return new SiteRegistered("test site", region, hub, isHub, 6.5, 3.4,
        new SiteRegistered.PowerPlant(true, true, false, 400, 1000, 2.5),
        tenancies.isEmpty() ? List.of(new SiteRegistered.Tenancy("altel", 99.95, 45, 57.5, 4))
            : tenancies);
  }
}
