package com.towerco.dashboard.domain;

import com.towerco.events.Envelope;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.runtime.Deduplicator;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's read model (the query side of CQRS): events in, views out. It holds the latest
 * state of every site, bounded chart series, alerts and incidents by id and the latest KPI
 * windows, all rebuilt from the topics on every start. Each change is appended to the
 * {@link UpdateLog} for the live stream. An event seen twice (same {@code event_id}) is applied
 * once. Thread-safe: one lock, held briefly by the consumer and by queries
 * ({@link ReadQueries}).
 */
public final class DashboardModel {
  /** What applying an event did. */
  public enum Outcome { APPLIED, UNCHANGED, DUPLICATE, IGNORED }

  final ModelLimits limits;
  final UpdateLog updates;
  final Map<String, SiteRecord> sites = new HashMap<>();
  final Map<String, SiteSnapshot> snapshots = new HashMap<>();
  final AlertBook alerts;
  final IncidentBook incidents;
  final KpiBook kpis;
  private final Deduplicator deduplicator;
  Instant asOf = Instant.EPOCH;

  public DashboardModel(ModelLimits limits, UpdateLog updates) {
    this.limits = Objects.requireNonNull(limits);
    this.updates = Objects.requireNonNull(updates);
    this.alerts = new AlertBook(limits.maxFiringAlerts(), limits.maxResolvedAlerts());
    this.incidents = new IncidentBook(limits.maxOpenIncidents(), limits.maxResolvedIncidents(),
        limits.maxTimeline());
    this.kpis = new KpiBook(limits.kpiWindowsPerSeries());
    this.deduplicator = new Deduplicator(limits.dedupHorizon());
  }

  public ModelLimits limits() {
    return limits;
  }

  public UpdateLog updates() {
    return updates;
  }

  public ReadQueries queries() {
    return new ReadQueries(this);
  }

  /** Applies one event from any of the topics the dashboard reads. */
  public synchronized Outcome apply(Envelope event) {
    if (!deduplicator.firstSeen(event.eventId(), event.timestamp())) {
      return Outcome.DUPLICATE;
    }
    if (event.timestamp().isAfter(asOf)) {
      asOf = event.timestamp();
    }
    Object payload = event.payload();
    if (IncidentEvents.isIncidentEvent(event)) {
      return incident(event);
    } else if (payload instanceof SiteTelemetry t) {
      return telemetry(event, t);
    } else if (payload instanceof SiteConnectivity c) {
      return site(event.siteId()).map(s -> changed(s, s.connectivity(event.timestamp(), c)))
          .orElse(Outcome.IGNORED);
    } else if (payload instanceof SiteAlarm a) {
      return site(event.siteId()).map(s -> changed(s, s.alarm(event.timestamp(), a)))
          .orElse(Outcome.IGNORED);
    } else if (payload instanceof SiteRegistered r) {
      return register(event.siteId(), r);
    } else if (payload instanceof KpiComputed k) {
      KpiWindow window = KpiWindow.of(k);
      return kpis.apply(window) ? published(new Update.KpiChanged(window)) : Outcome.UNCHANGED;
    } else if (payload instanceof AlertFiring f) {
      return alertChanged(alerts.fire(f));
    } else if (payload instanceof AlertResolved r) {
      return alertChanged(alerts.resolve(r));
    }
    return Outcome.IGNORED;
  }

  /** A site registered or changed in the inventory. */
  public synchronized Outcome register(String siteId, SiteRegistered registration) {
    Optional<SiteRecord> site = site(siteId);
    if (site.isEmpty() || registration.equals(site.get().registration())) {
      return site.isEmpty() ? Outcome.IGNORED : Outcome.UNCHANGED;
    }
    site.get().register(registration);
    return changed(site.get(), true);
  }

  private Outcome telemetry(Envelope event, SiteTelemetry t) {
    Optional<SiteRecord> site = site(event.siteId());
    if (site.isEmpty()) {
      return Outcome.IGNORED;
    }
    TelemetryPoint point = TelemetryPoint.of(event.timestamp(), t);
    if (!site.get().telemetry(event.timestamp(), t, point)) {
      return Outcome.UNCHANGED;
    }
    return published(new Update.SiteChanged(refresh(event.siteId()), point));
  }

  private Outcome alertChanged(AlertView alert) {
    if (alert == null) {
      return Outcome.UNCHANGED;
    }
    updates.append(new Update.AlertChanged(alert));
    if (sites.containsKey(alert.siteId())) {
      updates.append(new Update.SiteChanged(refresh(alert.siteId()), null));
    }
    return Outcome.APPLIED;
  }

  private Outcome incident(Envelope event) {
    Map<String, Object> fields = IncidentEvents.fields(event);
    Optional<String> id = IncidentEvents.incidentId(event, fields);
    if (id.isEmpty()) {
      return Outcome.IGNORED;
    }
    TimelineEntry entry = IncidentEvents.entry(event, fields);
    return incidents.apply(id.get(), entry, event.payload())
        .map(view -> {
          IncidentSummary summary = view.summary();
          return published(new Update.IncidentChanged(summary, view.lastStep(),
              scopeOf(summary)));
        })
        .orElse(Outcome.UNCHANGED);
  }

  /** The tenants of the incident's sites and alerts, as the model knows them now. */
  IncidentScope scopeOf(IncidentSummary incident) {
    Map<String, Set<String>> sites = new HashMap<>();
    for (String siteId : incident.affectedSites()) {
      SiteSnapshot snapshot = snapshots.get(siteId);
      sites.put(siteId, snapshot == null ? Set.of() : Set.copyOf(snapshot.tenants()));
    }
    Map<String, Set<String>> alertTenants = new HashMap<>();
    for (String alertId : incident.alertIds()) {
      AlertView alert = alerts.find(alertId);
      alertTenants.put(alertId, alert == null ? Set.of() : Set.copyOf(alert.affectedTenants()));
    }
    return new IncidentScope(sites, alertTenants);
  }

  private Optional<SiteRecord> site(String siteId) {
    if (siteId == null || siteId.isEmpty()) {
      return Optional.empty();
    }
    SiteRecord site = sites.get(siteId);
    if (site == null && sites.size() < limits.maxSites()) {
      site = new SiteRecord(siteId, limits);
      sites.put(siteId, site);
    }
    return Optional.ofNullable(site);
  }

  private Outcome changed(SiteRecord site, boolean changed) {
    if (!changed) {
      return Outcome.UNCHANGED;
    }
    return published(new Update.SiteChanged(refresh(site.siteId()), null));
  }

  private SiteSnapshot refresh(String siteId) {
    SiteSnapshot snapshot = sites.get(siteId).snapshot(alerts.firingAt(siteId));
    snapshots.put(siteId, snapshot);
    return snapshot;
  }

  private Outcome published(Update update) {
    updates.append(update);
    return Outcome.APPLIED;
  }
}
