package com.towerco.dashboard.domain;

import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The questions the dashboard's API asks the read model, each answered for one viewer: a
 * tenant gets only the sites hosting its tenancies, its own tenancy KPIs, and the alerts and
 * incidents that affect it, with other tenants' names cut out. Answers are copies, consistent
 * with one point of the live-update sequence.
 */
public final class ReadQueries {
  private static final Comparator<SiteSummary> BY_SITE =
      Comparator.comparing(SiteSummary::siteId);
  private static final Comparator<AlertView> NEWEST_ALERT_FIRST =
      Comparator.comparing(AlertView::startsAt).reversed().thenComparing(AlertView::alertId);

  private final DashboardModel model;

  ReadQueries(DashboardModel model) {
    this.model = model;
  }

  public Fleet sites(Viewer viewer, Queries.Sites query) {
    synchronized (model) {
      List<SiteSummary> sites = new ArrayList<>();
      Map<String, Integer> byStatus = new TreeMap<>();
      for (SiteSnapshot snapshot : model.snapshots.values()) {
        if (!snapshot.visibleTo(viewer)
            || query.tenant() != null && !snapshot.tenants().contains(query.tenant())) {
          continue;
        }
        SiteSummary summary = snapshot.summaryFor(viewer);
        if (query.region() != null && !query.region().equals(summary.region())) {
          continue;
        }
        byStatus.merge(summary.status().wireName(), 1, Integer::sum);
        if (query.status() == null || query.status() == summary.status()) {
          sites.add(summary);
        }
      }
      sites.sort(BY_SITE);
      return new Fleet(model.asOf, model.updates.lastSeq(), sites.size(), byStatus, sites);
    }
  }

  /**
   * The NOC fleet page: every site the viewer may see (of one tenant, if given) in compact
   * form, counts by state, region and tenant, and the open incidents, most recent first.
   */
  public FleetView fleet(Viewer viewer, String tenant) {
    synchronized (model) {
      List<FleetSite> sites = fleetSites(viewer, tenant);
      FleetSummary.Counter counter = new FleetSummary.Counter();
      sites.forEach(counter::add);
      List<IncidentSummary> open = incidents(viewer,
          new Queries.Incidents(IncidentSummary.State.OPEN, null, tenant, 500));
      return new FleetView(model.asOf, model.updates.lastSeq(), counter.summary(), sites, open);
    }
  }

  /** The counts of the fleet page, alone (what the live fleet feed sends every second). */
  public FleetSummary fleetSummary(Viewer viewer, String tenant) {
    synchronized (model) {
      FleetSummary.Counter counter = new FleetSummary.Counter();
      fleetSites(viewer, tenant).forEach(counter::add);
      return counter.summary();
    }
  }

  private List<FleetSite> fleetSites(Viewer viewer, String tenant) {
    List<FleetSite> sites = new ArrayList<>(model.snapshots.size());
    for (SiteSnapshot snapshot : model.snapshots.values()) {
      if (snapshot.visibleTo(viewer)
          && (tenant == null || snapshot.tenants().contains(tenant))) {
        sites.add(FleetSite.of(snapshot.summaryFor(viewer)));
      }
    }
    sites.sort(Comparator.comparing(FleetSite::siteId));
    return sites;
  }

  public Optional<SiteDetail> site(Viewer viewer, String siteId) {
    synchronized (model) {
      SiteSnapshot snapshot = model.snapshots.get(siteId);
      if (snapshot == null || !snapshot.visibleTo(viewer)) {
        return Optional.empty();
      }
      List<AlertView> alerts = model.alerts.all().stream()
          .filter(a -> a.siteId().equals(siteId) && a.visibleTo(viewer))
          .sorted(NEWEST_ALERT_FIRST).limit(100).map(a -> a.scopedTo(viewer)).toList();
      List<IncidentSummary> incidents = incidents(viewer,
          new Queries.Incidents(null, siteId, null, 50));
      List<KpiWindow> kpis = model.kpis.history(k -> k.siteId().equals(siteId)
          && k.visibleTo(viewer));
      return Optional.of(new SiteDetail(snapshot.summaryFor(viewer),
          snapshot.chain() == null ? null : snapshot.chain().visibleTo(viewer),
          snapshot.conditions(), snapshot.connectivityReason(), snapshot.tenanciesFor(viewer),
          model.sites.get(siteId).series().snapshot(viewer),
          snapshot.alarms().stream().filter(a -> a.visibleTo(viewer)).toList(), alerts,
          incidents, kpis));
    }
  }

  public List<KpiWindow> kpis(Viewer viewer, Queries.Kpis query) {
    synchronized (model) {
      return model.kpis.latest(k -> k.visibleTo(viewer)
              && (query.siteId() == null || query.siteId().equals(k.siteId()))
              && (query.tenant() == null || query.tenant().equals(k.tenantId()))
              && (query.scope() == null || query.scope() == k.scope()))
          .stream().sorted(Comparator.comparing(KpiWindow::siteId)
              .thenComparing(k -> Objects.toString(k.tenantId(), ""))).toList();
    }
  }

  public List<AlertView> alerts(Viewer viewer, Queries.Alerts query) {
    synchronized (model) {
      return model.alerts.all().stream()
          .filter(a -> a.visibleTo(viewer)
              && (query.state() == null || query.state() == a.state())
              && (query.siteId() == null || query.siteId().equals(a.siteId()))
              && (query.tenant() == null || a.affectedTenants().contains(query.tenant())))
          .sorted(NEWEST_ALERT_FIRST).limit(query.limit()).map(a -> a.scopedTo(viewer))
          .toList();
    }
  }

  public List<IncidentSummary> incidents(Viewer viewer, Queries.Incidents query) {
    synchronized (model) {
      return model.incidents.all().stream().map(IncidentView::summary)
          .filter(i -> i.visibleTo(viewer)
              && (query.state() == null || query.state() == i.state())
              && (query.siteId() == null || i.touchesSite(query.siteId()))
              && (query.tenant() == null || i.affectedTenants().contains(query.tenant())))
          .sorted(IncidentView.NEWEST_FIRST).limit(query.limit())
          .map(i -> i.scopedTo(viewer, model.scopeOf(i))).toList();
    }
  }

  public Optional<IncidentDetail> incident(Viewer viewer, String incidentId) {
    synchronized (model) {
      Optional<IncidentView> view = model.incidents.find(incidentId);
      if (view.isEmpty() || !view.get().summary().visibleTo(viewer)) {
        return Optional.empty();
      }
      IncidentSummary summary = view.get().summary();
      IncidentScope scope = model.scopeOf(summary);
      List<AlertView> alerts = summary.alertIds().stream().map(model.alerts::find)
          .filter(a -> a != null && a.visibleTo(viewer)).map(a -> a.scopedTo(viewer)).toList();
      return Optional.of(new IncidentDetail(summary.scopedTo(viewer, scope),
          view.get().timeline().stream().filter(e -> e.visibleTo(viewer, scope))
              .map(e -> e.scopedTo(viewer, scope)).toList(),
          alerts));
    }
  }

  /** How many sites the model knows. */
  public int siteCount() {
    synchronized (model) {
      return model.snapshots.size();
    }
  }

  /** The tenants the viewer may filter by, and the regions of the sites it sees. */
  public Facets facets(Viewer viewer) {
    synchronized (model) {
      TreeSet<String> regions = new TreeSet<>();
      TreeSet<String> tenants = new TreeSet<>();
      for (SiteSnapshot s : model.snapshots.values()) {
        if (s.visibleTo(viewer)) {
          if (s.registration() != null) {
            regions.add(s.registration().region());
          }
          tenants.addAll(Visibility.tenantNames(viewer, s.tenants()));
        }
      }
      return new Facets(List.copyOf(regions), List.copyOf(tenants));
    }
  }

  /** Filter values for the fleet page. */
  public record Facets(List<String> regions, List<String> tenants) {}
}
