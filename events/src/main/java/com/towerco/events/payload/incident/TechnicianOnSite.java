package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The technician arrived on site. */
public record TechnicianOnSite(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String dispatchId,
    @JsonProperty(required = true) String technician,
    @JsonProperty(required = true) String by,
    @JsonProperty(required = true) Instant arrivedAt,
    @JsonProperty(required = true) Instant dueAt) implements IncidentEvent {

  public TechnicianOnSite {
    Check.text(incidentId, "incident_id", 64);
    Check.text(dispatchId, "dispatch_id", 64);
    Check.text(technician, "technician", 100);
    Check.text(by, "by", 100);
    Check.required(arrivedAt, "arrived_at");
    Check.required(dueAt, "due_at");
  }
}
