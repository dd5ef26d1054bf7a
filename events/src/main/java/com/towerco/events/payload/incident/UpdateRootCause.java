package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Command from the AIOps engine: new evidence changed the ranking of an open incident's root
 * causes (a generator failure after the mains failure that opened it, say).
 */
public record UpdateRootCause(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) IncidentOpened.RootCause rootCause,
    @JsonProperty(required = true) List<RankedCause> rankedCauses,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) Instant at) implements IncidentCommand {

  public UpdateRootCause {
    text(incidentId, "incident_id", 64);
    required(rootCause, "root_cause");
    rankedCauses = Check.list(rankedCauses, "ranked_causes", 1, 10);
    text(reason, "reason", 500);
    required(at, "at");
  }
}
