package com.towerco.dashboard.domain;

import com.towerco.platform.access.Viewer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed for one viewer of the fleet page since the last batch: the latest state of each
 * site that changed (however many readings it sent) and each incident that changed. Readings
 * that change nothing the page draws are dropped, so a second of a 5,000-site fleet becomes a
 * few dozen entries. Collects from the {@link UpdateLog}; not thread-safe.
 */
public final class FleetDigest {
  private final Viewer viewer;
  private final Map<String, FleetSite> sites = new LinkedHashMap<>();
  private final Map<String, FleetSite> sent = new LinkedHashMap<>();
  private final Map<String, IncidentSummary> incidents = new LinkedHashMap<>();

  public FleetDigest(Viewer viewer) {
    this.viewer = viewer;
  }

  public void add(Update update) {
    if (!update.visibleTo(viewer)) {
      return;
    }
    if (update instanceof Update.SiteChanged changed) {
      FleetSite site = FleetSite.of(changed.site().summaryFor(viewer));
      sites.put(site.siteId(), site);
    } else if (update instanceof Update.IncidentChanged changed) {
      Update.IncidentMessage message = (Update.IncidentMessage) changed.renderFor(viewer);
      incidents.put(message.incident().incidentId(), message.incident());
    }
  }

  /** The batch to send (empty if nothing the page draws changed), and starts a new one. */
  public Batch drain() {
    List<FleetSite> changed = new ArrayList<>();
    for (FleetSite site : sites.values()) {
      if (!site.equals(sent.put(site.siteId(), site))) {
        changed.add(site);
      }
    }
    Batch batch = new Batch(changed, List.copyOf(incidents.values()));
    sites.clear();
    incidents.clear();
    return batch;
  }

  /** Changed sites and incidents of one batch. */
  public record Batch(List<FleetSite> sites, List<IncidentSummary> incidents) {
    public boolean isEmpty() {
      return sites.isEmpty() && incidents.isEmpty();
    }
  }
}
