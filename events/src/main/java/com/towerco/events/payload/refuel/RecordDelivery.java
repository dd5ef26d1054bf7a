package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Command from the field: fuel was delivered. */
public record RecordDelivery(
    @JsonProperty(required = true) String refuelId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    @JsonProperty(required = true) double litres) implements RefuelCommand {

  public RecordDelivery {
    Check.text(refuelId, "refuel_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.range(litres, 0, 100000, "litres");
  }
}
