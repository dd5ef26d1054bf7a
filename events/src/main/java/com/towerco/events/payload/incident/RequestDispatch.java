package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Command: send a field technician to one of the incident's sites (starts the dispatch saga).
 */
public record RequestDispatch(
    @JsonProperty(required = true) String incidentId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) String reason) implements IncidentCommand {

  public RequestDispatch {
    Check.text(incidentId, "incident_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.id(siteId, "site_id");
    Check.text(reason, "reason", 1000);
  }
}
