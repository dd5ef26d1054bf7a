package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Command from the refuelling saga: fuel will run out before the next scheduled delivery, so
 * order an extra one.
 */
public record RequestRefuel(
    @JsonProperty(required = true) String refuelId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) double levelL,
    @JsonProperty(required = true) double capacityL,
    @JsonProperty(required = true) double burnLph,
    @JsonProperty(required = true) Instant predictedRunoutAt,
    @JsonProperty(required = true) Instant nextDeliveryAt,
    @JsonProperty(required = true) double litres,
    @JsonProperty(required = true) Instant deliverBy) implements RefuelCommand {

  public RequestRefuel {
    Check.text(refuelId, "refuel_id", 64);
    Check.id(siteId, "site_id");
    Check.range(levelL, 0, 100000, "level_l");
    Check.range(capacityL, 1, 100000, "capacity_l");
    Check.range(burnLph, 0, 1000, "burn_lph");
    Check.required(predictedRunoutAt, "predicted_runout_at");
    Check.required(nextDeliveryAt, "next_delivery_at");
    Check.range(litres, 0, 100000, "litres");
    Check.required(deliverBy, "deliver_by");
  }
}
