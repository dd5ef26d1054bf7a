package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteRegistered;
import java.util.List;

/**
 * A site of the simulated fleet as built: identity, place in the transmission topology (a hub,
 * or a site behind one), its region's climate, its power plant and its tenancies.
 * {@code index} is its position in the fleet, used to derive its random streams.
 * {@code relations}: what it shares with other sites (grid feeder, fuel supplier, maintenance
 * contractor), published with its inventory record.
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
    double overheadKw,
    SiteRegistered.Relations relations) {

  public SiteSpec {
    tenancies = List.copyOf(tenancies);
    relations = relations == null ? SiteRegistered.Relations.NONE : relations;
  }

  /** The grid feeder the site's mains comes from, or null. */
  public String feederId() {
    return relations.gridFeederId();
  }

  /** The inventory record published as {@code site.registered}. */
  public SiteRegistered registration() {
    return new SiteRegistered(name, region.id(), hubSiteId, hub, latitude, longitude,
        plant.registration(), tenancies.stream().map(TenancySpec::registration).toList(),
        relations);
  }

  /** Nominal DC load of the site: every tenancy's base load plus the site's own. */
  public double nominalLoadKw() {
    return overheadKw + tenancies.stream().mapToDouble(TenancySpec::baseLoadKw).sum();
  }
}
