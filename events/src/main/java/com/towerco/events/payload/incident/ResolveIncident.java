package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Command: a person declares the problem fixed. */
public record ResolveIncident(
    @JsonProperty(required = true) String incidentId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    @JsonProperty(required = true) String resolution) implements IncidentCommand {

  public ResolveIncident {
    Check.text(incidentId, "incident_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.text(resolution, "resolution", 1000);
  }
}
