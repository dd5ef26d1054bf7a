package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Fuel was delivered (as reported from the field). */
public record RefuelDelivered(
    @JsonProperty(required = true) String refuelId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) double litres,
    @JsonProperty(required = true) String by,
    @JsonProperty(required = true) Instant deliveredAt) implements RefuelEvent {

  public RefuelDelivered {
    Check.text(refuelId, "refuel_id", 64);
    Check.id(siteId, "site_id");
    Check.range(litres, 0, 100000, "litres");
    Check.text(by, "by", 100);
    Check.required(deliveredAt, "delivered_at");
  }
}
