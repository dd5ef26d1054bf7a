package com.towerco.events.payload;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Another alert turned out to belong to an open incident. */
public record IncidentAlertAttached(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String alertId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) Instant attachedAt) implements Payload {

  public IncidentAlertAttached {
    text(incidentId, "incident_id", 64);
    text(alertId, "alert_id", 64);
    Check.id(siteId, "site_id");
    required(attachedAt, "attached_at");
  }
}
