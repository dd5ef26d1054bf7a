package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The tank rose by less than was delivered: flagged for the fuel-theft detector. */
public record RefuelDiscrepancyFlagged(
    @JsonProperty(required = true) String refuelId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) double litresDelivered,
    @JsonProperty(required = true) double levelBeforeL,
    @JsonProperty(required = true) double levelAfterL,
    @JsonProperty(required = true) double missingL,
    @JsonProperty(required = true) Instant flaggedAt) implements RefuelEvent {

  public RefuelDiscrepancyFlagged {
    Check.text(refuelId, "refuel_id", 64);
    Check.id(siteId, "site_id");
    Check.range(litresDelivered, 0, 100000, "litres_delivered");
    Check.range(levelBeforeL, 0, 100000, "level_before_l");
    Check.range(levelAfterL, 0, 100000, "level_after_l");
    Check.range(missingL, 0, 100000, "missing_l");
    Check.required(flaggedAt, "flagged_at");
  }
}
