package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Command: add a note to the incident's timeline; shared notes are copied to the affected
 * tenants.
 */
public record AddIncidentNote(
    @JsonProperty(required = true) String incidentId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    @JsonProperty(required = true) String text,
    @JsonProperty(required = true) boolean sharedWithTenants) implements IncidentCommand {

  public AddIncidentNote {
    Check.text(incidentId, "incident_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.text(text, "text", 4000);
  }
}
