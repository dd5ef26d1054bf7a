package com.towerco.events.payload;

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
    @JsonProperty(required = true) Instant detectedAt) implements IncidentCommand {

  public OpenIncident {
    text(incidentId, "incident_id", 64);
    text(title, "title", 300);
    required(severity, "severity");
    required(rootCause, "root_cause");
    alertIds = Check.list(alertIds, "alert_ids", 1, 1000);
    affectedSites = Check.idList(affectedSites, "affected_sites", 1, 10_000);
    affectedTenants = Check.idList(affectedTenants, "affected_tenants", 0, 64);
    required(detectedAt, "detected_at");
  }
}
