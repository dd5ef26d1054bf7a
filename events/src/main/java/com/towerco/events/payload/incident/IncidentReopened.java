package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A resolved or closed incident was reopened. */
public record IncidentReopened(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String by,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) Instant reopenedAt) implements IncidentEvent {

  public IncidentReopened {
    Check.text(incidentId, "incident_id", 64);
    Check.text(by, "by", 100);
    Check.text(reason, "reason", 1000);
    Check.required(reopenedAt, "reopened_at");
  }
}
