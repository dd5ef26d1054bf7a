package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The incident was given to a person or team. */
public record IncidentAssigned(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String assignee,
    @JsonProperty(required = true) String by,
    @JsonProperty(required = true) Instant assignedAt) implements IncidentEvent {

  public IncidentAssigned {
    Check.text(incidentId, "incident_id", 64);
    Check.text(assignee, "assignee", 100);
    Check.text(by, "by", 100);
    Check.required(assignedAt, "assigned_at");
  }
}
