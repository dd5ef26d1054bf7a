package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The NOC verified the field work; the dispatch is complete. */
public record WorkVerified(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String dispatchId,
    @JsonProperty(required = true) String by,
    String comment,
    @JsonProperty(required = true) Instant verifiedAt) implements IncidentEvent {

  public WorkVerified {
    Check.text(incidentId, "incident_id", 64);
    Check.text(dispatchId, "dispatch_id", 64);
    Check.text(by, "by", 100);
    Check.optionalText(comment, "comment", 1000);
    Check.required(verifiedAt, "verified_at");
  }
}
