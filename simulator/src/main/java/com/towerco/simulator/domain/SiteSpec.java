package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteRegistered;
import java.util.List;

/**
 * A site of the simulated fleet as built: identity, place in the transmission topology (a hub,
 * or a site behind one), its region's climate, its power plant and its tenancies.
 * {@code index} is its position in the fleet, used to derive its random streams.
 */
public record SiteSpec(
    int index,
    String id,
    String name,
    Region region,
    String hubSiteId,
    boolean hub,
    double latitude,
    double longitude,
    PlantSpec plant,
    List<TenancySpec> tenancies,
    double overheadKw) {

  public SiteSpec {
    tenancies = List.copyOf(tenancies);
  }

  /** The inventory record published as {@code site.registered}. */
  public SiteRegistered registration() {
    return new SiteRegistered(name, region.id(), hubSiteId, hub, latitude, longitude,
        plant.registration(), tenancies.stream().map(TenancySpec::registration).toList());
  }

  /** Nominal DC load of the site: every tenancy's base load plus the site's own. */
  public double nominalLoadKw() {
    return overheadKw + tenancies.stream().mapToDouble(TenancySpec::baseLoadKw).sum();
  }
}
