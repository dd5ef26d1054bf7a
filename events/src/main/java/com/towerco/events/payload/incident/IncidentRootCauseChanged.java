package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The incident's probable root cause changed as new evidence arrived. */
public record IncidentRootCauseChanged(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) IncidentOpened.RootCause rootCause,
    @JsonProperty(required = true) List<RankedCause> rankedCauses,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) Instant changedAt) implements IncidentEvent {

  public IncidentRootCauseChanged {
    text(incidentId, "incident_id", 64);
    required(rootCause, "root_cause");
    rankedCauses = Check.list(rankedCauses, "ranked_causes", 1, 10);
    text(reason, "reason", 500);
    required(changedAt, "changed_at");
  }
}
