package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Command: a further alert belongs to this incident (from the AIOps engine's correlator). */
public record AttachAlert(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String alertId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) List<String> affectedTenants,
    @JsonProperty(required = true) Instant at) implements IncidentCommand {

  public AttachAlert {
    text(incidentId, "incident_id", 64);
    text(alertId, "alert_id", 64);
    Check.id(siteId, "site_id");
    affectedTenants = Check.idList(affectedTenants, "affected_tenants", 0, 64);
    required(at, "at");
  }
}
