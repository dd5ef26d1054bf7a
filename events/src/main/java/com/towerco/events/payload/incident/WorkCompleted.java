package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The technician reported the work done. */
public record WorkCompleted(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String dispatchId,
    @JsonProperty(required = true) String summary,
    @JsonProperty(required = true) String by,
    @JsonProperty(required = true) Instant completedAt,
    @JsonProperty(required = true) Instant dueAt) implements IncidentEvent {

  public WorkCompleted {
    Check.text(incidentId, "incident_id", 64);
    Check.text(dispatchId, "dispatch_id", 64);
    Check.text(summary, "summary", 2000);
    Check.text(by, "by", 100);
    Check.required(completedAt, "completed_at");
    Check.required(dueAt, "due_at");
  }
}
