package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Another alert turned out to belong to an open incident. {@code affectedTenants} (optional)
 * names the tenants on the alert's site, so the incident's affected tenants follow from its
 * events alone.
 */
public record IncidentAlertAttached(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String alertId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) Instant attachedAt,
    List<String> affectedTenants) implements IncidentEvent {

  public IncidentAlertAttached {
    text(incidentId, "incident_id", 64);
    text(alertId, "alert_id", 64);
    Check.id(siteId, "site_id");
    required(attachedAt, "attached_at");
    affectedTenants = affectedTenants == null ? null
        : Check.idList(affectedTenants, "affected_tenants", 0, 64);
  }
}
