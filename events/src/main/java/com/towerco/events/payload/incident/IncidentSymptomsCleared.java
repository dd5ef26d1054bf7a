package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Every symptom cleared while a technician was working on site: the incident stays open until
 * the work is verified.
 */
public record IncidentSymptomsCleared(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String resolution,
    @JsonProperty(required = true) Instant clearedAt) implements IncidentEvent {

  public IncidentSymptomsCleared {
    Check.text(incidentId, "incident_id", 64);
    Check.text(resolution, "resolution", 1000);
    Check.required(clearedAt, "cleared_at");
  }
}
