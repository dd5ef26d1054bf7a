package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A dispatch step missed its deadline and was escalated one level. */
public record DispatchEscalated(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String dispatchId,
    @JsonProperty(required = true) DispatchStep step,
    @JsonProperty(required = true) int level,
    @JsonProperty(required = true) Instant overdueSince,
    @JsonProperty(required = true) Instant escalatedAt,
    @JsonProperty(required = true) Instant dueAt) implements IncidentEvent {

  public DispatchEscalated {
    Check.text(incidentId, "incident_id", 64);
    Check.text(dispatchId, "dispatch_id", 64);
    Check.required(step, "step");
    Check.range(level, 1, 100, "level");
    Check.required(overdueSince, "overdue_since");
    Check.required(escalatedAt, "escalated_at");
    Check.required(dueAt, "due_at");
  }
}
