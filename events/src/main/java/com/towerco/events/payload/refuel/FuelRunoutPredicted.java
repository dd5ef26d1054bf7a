package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** Telemetry predicts the site's tank runs dry before its next scheduled delivery. */
@EventDefinition(name = "fuel.runout-predicted", version = "1.0",
    topic = TopicFamily.REFUEL_LIFECYCLE,
    description = "Fuel will run out before the next scheduled delivery.")
public record FuelRunoutPredicted(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("Site.") @Required @Id String siteId,
    @Description("Fuel in the tank, litres.") @Required @Range(min = 0, max = 100000) double levelL,
    @Description("Tank capacity, litres.") @Required @Range(min = 1, max = 100000) double capacityL,
    @Description("Observed consumption, litres per hour.")
    @Required @Range(min = 0, max = 1000) double burnLph,
    @Description("When the tank runs dry.") @Required Instant predictedRunoutAt,
    @Description("Next scheduled delivery.") @Required Instant nextDeliveryAt,
    @Description("Event time of the prediction.")
    @Required Instant predictedAt) implements RefuelEvent {}
