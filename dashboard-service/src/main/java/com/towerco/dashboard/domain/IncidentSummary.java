package com.towerco.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An incident at a glance: what broke (title, root cause), how bad, who is affected, whether it
 * is still open, and its latest lifecycle step ({@code phase}, e.g. {@code opened},
 * {@code alert-attached}, {@code acknowledged}) whatever event types exist by then. A tenant
 * is shown the latest step every viewer of the incident may see ({@code sharedPhase}), never
 * an internal one.
 */
public record IncidentSummary(
    String incidentId,
    String title,
    AlertSeverity severity,
    State state,
    String phase,
    @JsonIgnore String sharedPhase,
    IncidentOpened.RootCause rootCause,
    List<String> affectedSites,
    List<String> affectedTenants,
    List<String> alertIds,
    Instant openedAt,
    Instant resolvedAt,
    String resolution,
    Instant updatedAt) {

  /** Open until its problem cleared. */
  public enum State {
    OPEN, RESOLVED;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @JsonIgnore
  public boolean isOpen() {
    return state == State.OPEN;
  }

  public boolean visibleTo(Viewer viewer) {
    return Visibility.concerns(viewer, affectedTenants);
  }

  public boolean touchesSite(String siteId) {
    return affectedSites.contains(siteId)
        || rootCause != null && rootCause.siteId().equals(siteId);
  }

  /** Without the tenants, sites and alerts the viewer may not know about. */
  public IncidentSummary scopedTo(Viewer viewer, IncidentScope scope) {
    if (viewer.seesAll()) {
      return this;
    }
    return new IncidentSummary(incidentId, title, severity, state, sharedPhase, sharedPhase,
        rootCause,
        affectedSites.stream().filter(scope.sitesFor(viewer)).toList(),
        Visibility.tenantNames(viewer, affectedTenants),
        alertIds.stream().filter(scope.alertsFor(viewer)).toList(), openedAt, resolvedAt,
        resolution, updatedAt);
  }
}
