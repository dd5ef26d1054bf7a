package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Command: close a resolved incident (no further work expected). */
public record CloseIncident(
    @JsonProperty(required = true) String incidentId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    String comment) implements IncidentCommand {

  public CloseIncident {
    Check.text(incidentId, "incident_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.optionalText(comment, "comment", 1000);
  }
}
