package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/**
 * Command from the refuelling saga: fuel will run out before the next scheduled delivery, so
 * order an extra one.
 */
@EventDefinition(name = "refuel.request", version = "1.0", topic = TopicFamily.REFUEL_COMMANDS,
    description = "Command from the refuelling saga: order a refuel.")
public record RequestRefuel(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("Site.") @Required @Id String siteId,
    @Description("Fuel in the tank, litres.") @Required @Range(min = 0, max = 100000) double levelL,
    @Description("Tank capacity, litres.") @Required @Range(min = 1, max = 100000) double capacityL,
    @Description("Observed consumption, litres per hour.")
    @Required @Range(min = 0, max = 1000) double burnLph,
    @Description("When the tank runs dry at that rate.") @Required Instant predictedRunoutAt,
    @Description("The next scheduled delivery.") @Required Instant nextDeliveryAt,
    @Description("Litres to deliver.") @Required @Range(min = 0, max = 100000) double litres,
    @Description("Deliver before this.") @Required Instant deliverBy) implements RefuelCommand {}
