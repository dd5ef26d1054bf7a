package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The incident's problem cleared: every symptom alert resolved ({@code resolvedBy} absent), or
 * a person resolved it ({@code resolvedBy} names them).
 */
public record IncidentResolved(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) Instant resolvedAt,
    @JsonProperty(required = true) String resolution,
    String resolvedBy) implements IncidentEvent {

  public IncidentResolved {
    text(incidentId, "incident_id", 64);
    required(resolvedAt, "resolved_at");
    text(resolution, "resolution", 1000);
    Check.optionalText(resolvedBy, "resolved_by", 100);
  }
}
