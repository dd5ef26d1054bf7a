package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Command from the refuelling saga: the tank level seen in telemetry before and after the
 * delivery.
 */
public record ConfirmFuelLevel(
    @JsonProperty(required = true) String refuelId,
    @JsonProperty(required = true) double levelBeforeL,
    @JsonProperty(required = true) double levelAfterL,
    @JsonProperty(required = true) Instant observedAt) implements RefuelCommand {

  public ConfirmFuelLevel {
    Check.text(refuelId, "refuel_id", 64);
    Check.range(levelBeforeL, 0, 100000, "level_before_l");
    Check.range(levelAfterL, 0, 100000, "level_after_l");
    Check.required(observedAt, "observed_at");
  }
}
