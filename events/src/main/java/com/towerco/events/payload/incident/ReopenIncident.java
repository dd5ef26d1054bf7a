package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Command: reopen a resolved or closed incident. */
public record ReopenIncident(
    @JsonProperty(required = true) String incidentId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    @JsonProperty(required = true) String reason) implements IncidentCommand {

  public ReopenIncident {
    Check.text(incidentId, "incident_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.text(reason, "reason", 1000);
  }
}
