package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A field dispatch was requested (first step of the dispatch saga). */
public record DispatchRequested(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String dispatchId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) String by,
    @JsonProperty(required = true) Instant requestedAt,
    @JsonProperty(required = true) Instant dueAt) implements IncidentEvent {

  public DispatchRequested {
    Check.text(incidentId, "incident_id", 64);
    Check.text(dispatchId, "dispatch_id", 64);
    Check.id(siteId, "site_id");
    Check.text(reason, "reason", 1000);
    Check.text(by, "by", 100);
    Check.required(requestedAt, "requested_at");
    Check.required(dueAt, "due_at");
  }
}
