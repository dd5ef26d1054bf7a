package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A resolved incident was closed. */
public record IncidentClosed(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String by,
    String comment,
    @JsonProperty(required = true) Instant closedAt) implements IncidentEvent {

  public IncidentClosed {
    Check.text(incidentId, "incident_id", 64);
    Check.text(by, "by", 100);
    Check.optionalText(comment, "comment", 1000);
    Check.required(closedAt, "closed_at");
  }
}
