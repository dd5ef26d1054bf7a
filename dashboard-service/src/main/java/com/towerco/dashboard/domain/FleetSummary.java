package com.towerco.dashboard.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many sites are in each state: over the whole (visible) fleet, per region and per
 * tenant. A site hosting two of the viewer's tenants counts once in each tenant's row.
 */
public record FleetSummary(
    int sites,
    Map<String, Integer> byState,
    Map<String, Map<String, Integer>> byRegion,
    Map<String, Map<String, Integer>> byTenant) {

  /** Counts sites one by one. */
  public static final class Counter {
    private int sites;
    private final Map<String, Integer> byState = new TreeMap<>();
    private final Map<String, Map<String, Integer>> byRegion = new TreeMap<>();
    private final Map<String, Map<String, Integer>> byTenant = new TreeMap<>();

    public void add(FleetSite site) {
      String state = site.state().wireName();
      sites++;
      byState.merge(state, 1, Integer::sum);
      String region = site.region() == null ? "unassigned" : site.region();
      byRegion.computeIfAbsent(region, r -> new TreeMap<>()).merge(state, 1, Integer::sum);
      for (String tenant : site.tenants()) {
        byTenant.computeIfAbsent(tenant, t -> new TreeMap<>()).merge(state, 1, Integer::sum);
      }
    }

    public FleetSummary summary() {
      return new FleetSummary(sites, byState, byRegion, byTenant);
    }
  }
}
