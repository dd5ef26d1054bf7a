package com.towerco.events.payload.incident;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.Check;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Command: open an incident for one correlated problem. Sent by the AIOps engine; the incident
 * service decides (it ignores a repeat for an incident that already exists) and records
 * {@code incident.opened}.
 */
public record OpenIncident(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String title,
    @JsonProperty(required = true) AlertSeverity severity,
    @JsonProperty(required = true) IncidentOpened.RootCause rootCause,
    @JsonProperty(required = true) List<String> alertIds,
    @JsonProperty(required = true) List<String> affectedSites,
    @JsonProperty(required = true) List<String> affectedTenants,
    @JsonProperty(required = true) Instant detectedAt,
    List<RankedCause> rankedCauses) implements IncidentCommand {

  /** Without a ranking (the headline root cause only). */
  public OpenIncident(String incidentId, String title, AlertSeverity severity,
      IncidentOpened.RootCause rootCause, List<String> alertIds, List<String> affectedSites,
      List<String> affectedTenants, Instant detectedAt) {
    this(incidentId, title, severity, rootCause, alertIds, affectedSites, affectedTenants,
        detectedAt, null);
  }

  public OpenIncident {
    text(incidentId, "incident_id", 64);
    text(title, "title", 300);
    required(severity, "severity");
    required(rootCause, "root_cause");
    alertIds = Check.list(alertIds, "alert_ids", 1, 1000);
    affectedSites = Check.idList(affectedSites, "affected_sites", 1, 10_000);
    affectedTenants = Check.idList(affectedTenants, "affected_tenants", 0, 64);
    required(detectedAt, "detected_at");
    rankedCauses = rankedCauses == null ? null
        : Check.list(rankedCauses, "ranked_causes", 1, 10);
  }
}
