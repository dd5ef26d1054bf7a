package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Command: a refuel's delivery deadline passed (a scheduler firing, itself an event). */
public record EscalateRefuel(
    @JsonProperty(required = true) String refuelId,
    @JsonProperty(required = true) Instant dueAt) implements RefuelCommand {

  public EscalateRefuel {
    Check.text(refuelId, "refuel_id", 64);
    Check.required(dueAt, "due_at");
  }
}
