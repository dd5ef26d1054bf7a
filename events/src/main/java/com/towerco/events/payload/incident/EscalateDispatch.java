package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Command: a dispatch step's deadline passed (a scheduler firing, itself an event); escalates
 * if the dispatch is still at that step.
 */
public record EscalateDispatch(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String dispatchId,
    @JsonProperty(required = true) DispatchStep step,
    @JsonProperty(required = true) Instant dueAt) implements IncidentCommand {

  public EscalateDispatch {
    Check.text(incidentId, "incident_id", 64);
    Check.text(dispatchId, "dispatch_id", 64);
    Check.required(step, "step");
    Check.required(dueAt, "due_at");
  }
}
