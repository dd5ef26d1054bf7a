package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Command: the technician reports the work done. */
public record ReportWorkDone(
    @JsonProperty(required = true) String incidentId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    @JsonProperty(required = true) String dispatchId,
    @JsonProperty(required = true) String summary) implements IncidentCommand {

  public ReportWorkDone {
    Check.text(incidentId, "incident_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.text(dispatchId, "dispatch_id", 64);
    Check.text(summary, "summary", 2000);
  }
}
