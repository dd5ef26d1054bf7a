package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

/** Command from the field: fuel was delivered. */
@EventDefinition(name = "refuel.record-delivery", version = "1.0",
    topic = TopicFamily.REFUEL_COMMANDS,
    description = "Command from the field: record a fuel delivery.")
public record RecordDelivery(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("The refuel order version the requester saw (optimistic concurrency).")
    @Range(min = 0, max = 100000000) Integer expectedVersion,
    @Description("Who asks (user name).") @Required @Text(100) String requestedBy,
    @Description("Litres delivered.")
    @Required @Range(min = 0, max = 100000) double litres) implements RefuelCommand {}
