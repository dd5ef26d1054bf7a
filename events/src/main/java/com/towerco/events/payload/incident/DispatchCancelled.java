package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A dispatch was cancelled before the technician arrived (by a person, or compensating an
 * incident that resolved by itself).
 */
public record DispatchCancelled(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String dispatchId,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) String by,
    @JsonProperty(required = true) Instant cancelledAt) implements IncidentEvent {

  public DispatchCancelled {
    Check.text(incidentId, "incident_id", 64);
    Check.text(dispatchId, "dispatch_id", 64);
    Check.text(reason, "reason", 1000);
    Check.text(by, "by", 100);
    Check.required(cancelledAt, "cancelled_at");
  }
}
