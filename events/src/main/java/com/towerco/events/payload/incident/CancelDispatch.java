package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Command: cancel a dispatch before the technician arrives (a person, or the dispatch saga
 * compensating when the incident resolves by itself).
 */
public record CancelDispatch(
    @JsonProperty(required = true) String incidentId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    @JsonProperty(required = true) String dispatchId,
    @JsonProperty(required = true) String reason) implements IncidentCommand {

  public CancelDispatch {
    Check.text(incidentId, "incident_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.text(dispatchId, "dispatch_id", 64);
    Check.text(reason, "reason", 1000);
  }
}
