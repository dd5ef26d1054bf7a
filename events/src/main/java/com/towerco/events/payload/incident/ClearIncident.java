package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Command: every symptom of the incident has cleared and stayed clear (from the AIOps engine).
 * The incident service resolves the incident unless a person has taken it over.
 */
public record ClearIncident(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) Instant clearedAt,
    @JsonProperty(required = true) String resolution) implements IncidentCommand {

  public ClearIncident {
    text(incidentId, "incident_id", 64);
    required(clearedAt, "cleared_at");
    text(resolution, "resolution", 1000);
  }
}
