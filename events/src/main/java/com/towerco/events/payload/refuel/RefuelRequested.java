package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An extra fuel delivery was ordered. */
public record RefuelRequested(
    @JsonProperty(required = true) String refuelId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) double litres,
    @JsonProperty(required = true) Instant deliverBy,
    @JsonProperty(required = true) Instant requestedAt) implements RefuelEvent {

  public RefuelRequested {
    Check.text(refuelId, "refuel_id", 64);
    Check.id(siteId, "site_id");
    Check.range(litres, 0, 100000, "litres");
    Check.required(deliverBy, "deliver_by");
    Check.required(requestedAt, "requested_at");
  }
}
