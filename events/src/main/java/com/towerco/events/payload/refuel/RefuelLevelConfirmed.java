package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Telemetry shows the tank rose by what was delivered. */
public record RefuelLevelConfirmed(
    @JsonProperty(required = true) String refuelId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) double litresDelivered,
    @JsonProperty(required = true) double levelBeforeL,
    @JsonProperty(required = true) double levelAfterL,
    @JsonProperty(required = true) Instant confirmedAt) implements RefuelEvent {

  public RefuelLevelConfirmed {
    Check.text(refuelId, "refuel_id", 64);
    Check.id(siteId, "site_id");
    Check.range(litresDelivered, 0, 100000, "litres_delivered");
    Check.range(levelBeforeL, 0, 100000, "level_before_l");
    Check.range(levelAfterL, 0, 100000, "level_after_l");
    Check.required(confirmedAt, "confirmed_at");
  }
}
