package com.towerco.simulator.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated fleet: its sites in id order, its regions and its tenants. Site {@code i} of
 * the list has {@code index == i}.
 */
public final class Fleet {
  private final List<SiteSpec> sites;
  private final List<Region> regions;
  private final List<String> tenants;
  private final Map<String, SiteSpec> byId = new HashMap<>();
  private final Map<String, List<SiteSpec>> members = new HashMap<>();

  public Fleet(List<SiteSpec> sites, List<Region> regions, List<String> tenants) {
    this.sites = List.copyOf(sites);
    this.regions = List.copyOf(regions);
    this.tenants = List.copyOf(tenants);
    for (SiteSpec site : this.sites) {
      byId.put(site.id(), site);
      if (site.hubSiteId() != null) {
        members.computeIfAbsent(site.hubSiteId(), h -> new ArrayList<>()).add(site);
      }
    }
  }

  public List<SiteSpec> sites() {
    return sites;
  }

  public List<Region> regions() {
    return regions;
  }

  public List<String> tenants() {
    return tenants;
  }

  public Optional<SiteSpec> site(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<SiteSpec> hubs() {
    return sites.stream().filter(SiteSpec::hub).toList();
  }

  /** The sites whose transmission goes through {@code hubId}, in id order. */
  public List<SiteSpec> behindHub(String hubId) {
    return List.copyOf(members.getOrDefault(hubId, List.of()));
  }

  public List<String> siteIds() {
    return sites.stream().map(SiteSpec::id).toList();
  }
}
