package com.towerco.incidents.domain.incident;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentOpened;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incident's state, folded from its events by {@link IncidentEvolution}: what is known
 * about the problem, how people are handling it, and its field dispatches. Immutable; every
 * event yields a new state one version higher.
 */
public record Incident(
    String incidentId,
    int version,
    IncidentStatus status,
    Facts facts,
    Handling handling,
    List<Dispatch> dispatches,
    Instant updatedAt) {

  public Incident {
    dispatches = List.copyOf(dispatches);
  }

  /**
   * What the AIOps engine established: the problem, its symptoms and its reach;
   * {@code alertSites} is the site of each symptom alert where it is known (events of
   * version 1.0 do not say).
   */
  public record Facts(String title, AlertSeverity severity, IncidentOpened.RootCause rootCause,
      List<String> alertIds, List<String> affectedSites, List<String> affectedTenants,
      Instant openedAt, List<com.towerco.events.payload.incident.RankedCause> rankedCauses,
      Map<String, String> alertSites) {
    public Facts {
      alertIds = List.copyOf(alertIds);
      affectedSites = List.copyOf(affectedSites);
      affectedTenants = List.copyOf(affectedTenants);
      rankedCauses = rankedCauses == null ? List.of() : List.copyOf(rankedCauses);
      alertSites = alertSites == null ? Map.of() : Map.copyOf(alertSites);
    }

    /** The same facts with another root cause ranking. */
    public Facts withCauses(IncidentOpened.RootCause cause,
        List<com.towerco.events.payload.incident.RankedCause> ranked) {
      return new Facts(title, severity, cause, alertIds, affectedSites, affectedTenants,
          openedAt, ranked, alertSites);
    }

    /**
     * The site of a symptom alert: as recorded, or the incident's only site; null when
     * unknown.
     */
    public String siteOfAlert(String alertId) {
      String site = alertSites.get(alertId);
      return site != null ? site : affectedSites.size() == 1 ? affectedSites.get(0) : null;
    }
  }

  /** How people handle it; null fields have not happened (yet). */
  public record Handling(String acknowledgedBy, Instant acknowledgedAt, String assignee,
      int notes, boolean symptomsCleared, String resolution, String resolvedBy,
      Instant resolvedAt, Instant closedAt) {
    static final Handling NONE = new Handling(null, null, null, 0, false, null, null, null,
        null);
  }

  public Optional<Dispatch> dispatch(String dispatchId) {
    return dispatches.stream().filter(d -> d.dispatchId().equals(dispatchId)).findFirst();
  }

  public boolean hasActiveDispatch() {
    return dispatches.stream().anyMatch(Dispatch::active);
  }

  /** A technician is working on site, so a clear of the symptoms waits for verification. */
  public boolean takenOverInTheField() {
    return dispatches.stream().anyMatch(Dispatch::atWork);
  }

  public boolean affects(String siteId) {
    return facts.affectedSites().contains(siteId) || facts.rootCause().siteId().equals(siteId);
  }

  public String rootSiteId() {
    return facts.rootCause().siteId();
  }
}
