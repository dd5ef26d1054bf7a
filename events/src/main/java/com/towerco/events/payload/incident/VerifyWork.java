package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Command: the NOC verifies the field work (remote checks are green). */
public record VerifyWork(
    @JsonProperty(required = true) String incidentId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    @JsonProperty(required = true) String dispatchId,
    String comment) implements IncidentCommand {

  public VerifyWork {
    Check.text(incidentId, "incident_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.text(dispatchId, "dispatch_id", 64);
    Check.optionalText(comment, "comment", 1000);
  }
}
