package com.towerco.events.payload.incident;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.Check;

import static com.towerco.events.payload.Check.range;
import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An incident was opened for one real problem: its probable root cause, the alerts that are its
 * symptoms, and every site and tenant it affects.
 */
public record IncidentOpened(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String title,
    @JsonProperty(required = true) AlertSeverity severity,
    @JsonProperty(required = true) RootCause rootCause,
    @JsonProperty(required = true) List<String> alertIds,
    @JsonProperty(required = true) List<String> affectedSites,
    @JsonProperty(required = true) List<String> affectedTenants,
    @JsonProperty(required = true) Instant openedAt,
    List<RankedCause> rankedCauses) implements IncidentEvent {

  /** Without a ranking (the headline root cause only). */
  public IncidentOpened(String incidentId, String title, AlertSeverity severity,
      RootCause rootCause, List<String> alertIds, List<String> affectedSites,
      List<String> affectedTenants, Instant openedAt) {
    this(incidentId, title, severity, rootCause, alertIds, affectedSites, affectedTenants,
        openedAt, null);
  }

  public IncidentOpened {
    text(incidentId, "incident_id", 64);
    text(title, "title", 300);
    required(severity, "severity");
    required(rootCause, "root_cause");
    alertIds = Check.list(alertIds, "alert_ids", 1, 1000);
    affectedSites = Check.idList(affectedSites, "affected_sites", 1, 10_000);
    affectedTenants = Check.idList(affectedTenants, "affected_tenants", 0, 64);
    required(openedAt, "opened_at");
    rankedCauses = rankedCauses == null ? null
        : Check.list(rankedCauses, "ranked_causes", 1, 10);
  }

  /** The probable root cause: where, what kind, why we think so, and how sure. */
  public record RootCause(
      @JsonProperty(required = true) String siteId,
      @JsonProperty(required = true) String kind,
      @JsonProperty(required = true) String description,
      @JsonProperty(required = true) double confidence) {
    public RootCause {
      Check.id(siteId, "root_cause.site_id");
      text(kind, "root_cause.kind", 100);
      text(description, "root_cause.description", 1000);
      range(confidence, 0, 1, "root_cause.confidence");
    }
  }
}
